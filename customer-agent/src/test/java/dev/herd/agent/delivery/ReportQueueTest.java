package dev.herd.agent.delivery;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportQueueTest {

    @TempDir
    Path stateDir;

    @Test
    void sequencesComeOutInNumericOrderNotNameOrder() {
        ReportQueue queue = new ReportQueue(stateDir);
        for (long s : new long[] {10, 2, 9, 1}) {
            queue.put(s, bytes("r" + s));
        }

        assertEquals(List.of(1L, 2L, 9L, 10L), queue.sequences());
        assertArrayEquals(bytes("r10"), queue.read(10));
        assertTrue(Files.isRegularFile(stateDir.resolve("queue/10.json")));
    }

    @Test
    void aPartialFileLeftByACrashIsNeverAQueuedReport() throws Exception {
        ReportQueue queue = new ReportQueue(stateDir);
        queue.put(1, bytes("one"));
        Files.writeString(stateDir.resolve("queue/2.json.partial"), "{\"sequence\":2,\"kin");

        assertEquals(List.of(1L), queue.sequences());
        assertFalse(queue.contains(2));
    }

    @Test
    void writesLeaveNoPartialFileBehindAndReplaceWhole() throws Exception {
        ReportQueue queue = new ReportQueue(stateDir);
        queue.put(3, bytes("first version, rather long"));
        queue.put(3, bytes("second"));

        assertArrayEquals(bytes("second"), queue.read(3));
        try (var files = Files.list(stateDir.resolve("queue"))) {
            assertEquals(
                    List.of("3.json"),
                    files.map(f -> f.getFileName().toString()).toList());
        }
    }

    @Test
    void aRestartSeesWhatWasQueuedAndRemovedEntriesStayGone() {
        ReportQueue before = new ReportQueue(stateDir);
        before.put(1, bytes("a"));
        before.put(2, bytes("b"));
        before.remove(1);

        ReportQueue after = new ReportQueue(stateDir);

        assertEquals(List.of(2L), after.sequences());
    }

    @Test
    void aReportSetAsideLeavesTheQueue() {
        ReportQueue queue = new ReportQueue(stateDir);
        queue.put(1, bytes("bad"));
        queue.setAside(1);

        assertTrue(queue.isEmpty());
        assertTrue(Files.isRegularFile(stateDir.resolve("queue/rejected/1.json")));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
