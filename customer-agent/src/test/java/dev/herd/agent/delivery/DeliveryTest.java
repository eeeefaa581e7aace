package dev.herd.agent.delivery;

import static dev.herd.agent.delivery.Machines.pkg;
import static dev.herd.agent.delivery.Machines.report;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herd.agent.report.MachineReport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeliveryTest {

    @TempDir
    Path stateDir;

    private final AtomicReference<MachineReport> machine = new AtomicReference<>(report(pkg("bash", "5.2")));
    private final FakeGateway gateway = new FakeGateway();
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private ReportQueue queue;
    private ReportBuilder builder;
    private Delivery delivery;

    @BeforeEach
    void agent() {
        queue = new ReportQueue(stateDir);
        builder = new ReportBuilder(machine::get, new SequenceCounter(stateDir), queue);
        delivery = new Delivery(queue, gateway, builder, new PrintStream(log, true));
    }

    @Test
    void reportsQueuedWhileTheGatewayIsDownArriveInOrderExactlyOnce() {
        gateway.down = true;
        builder.queueFull();
        for (int i = 0; i < 4; i++) {
            machine.set(report(pkg("bash", "5.2"), pkg("tool" + i, "1")));
            builder.queueDeltaIfChanged();
            assertNotNull(delivery.drain().problem());
        }
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), queue.sequences());
        assertTrue(gateway.stored.isEmpty());

        gateway.down = false;
        Delivery.Result result = delivery.drain();

        assertEquals(5, result.delivered());
        assertNull(result.problem());
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), gateway.storedSequences());
        assertEquals(List.of("FULL", "DELTA", "DELTA", "DELTA", "DELTA"), gateway.storedKinds());
        assertTrue(queue.isEmpty());
    }

    @Test
    void intermittentFailuresRetryWithoutReorderingOrDuplicating() {
        gateway.failEvery = 2;
        builder.queueFull();
        for (int i = 0; i < 9; i++) {
            machine.set(report(pkg("bash", "5." + i)));
            builder.queueDeltaIfChanged();
        }
        int rounds = 0;
        while (!queue.isEmpty() && rounds++ < 50) {
            delivery.drain();
        }

        assertEquals(LongStream.rangeClosed(1, 10).boxed().toList(), gateway.storedSequences());
        assertTrue(queue.isEmpty());
    }

    @Test
    void aDuplicateAnswerTakesTheReportOutOfTheQueue() {
        builder.queueFull();
        byte[] first = queue.read(1);
        delivery.drain();
        queue.put(1, first);

        assertEquals(1, delivery.drain().delivered());
        assertTrue(queue.isEmpty());
        assertEquals(List.of(1L), gateway.storedSequences());
    }

    @Test
    void aGapForAReportNoLongerQueuedIsHealedWithAFullReportAtTheExpectedSequence() {
        builder.queueFull();
        delivery.drain();
        new SequenceCounter(stateDir).restartAfter(6); // state lost: the agent jumped ahead
        builder = new ReportBuilder(machine::get, new SequenceCounter(stateDir), queue);
        delivery = new Delivery(queue, gateway, builder, new PrintStream(log, true));
        builder.queueFull();

        Delivery.Result result = delivery.drain();

        assertNull(result.problem());
        assertEquals(List.of(1L, 2L), gateway.storedSequences());
        assertEquals(List.of("FULL", "FULL"), gateway.storedKinds());
        assertTrue(log.toString().contains("sequence-gap"), log.toString());
        assertEquals(3, new SequenceCounter(stateDir).next());
    }

    @Test
    void aGapForAQueuedReportResendsFromIt() {
        builder.queueFull();
        machine.set(report(pkg("bash", "5.3")));
        builder.queueDeltaIfChanged();
        List<Long> sent = new java.util.ArrayList<>();
        ReportSender skipsOne = (sequence, body) -> {
            sent.add(sequence);
            return sequence == 1
                    ? new ReportSender.Resync(2, false, "HTTP 409 sequence-gap")
                    : new ReportSender.Delivered("accepted");
        };
        delivery = new Delivery(queue, skipsOne, builder, new PrintStream(log, true));

        assertNull(delivery.drain().problem());

        assertEquals(List.of(1L, 2L), sent);
        assertTrue(queue.isEmpty());
    }

    @Test
    void aFirstDeltaIsReplacedByAFullReport() {
        builder.queueFull();
        machine.set(report(pkg("bash", "5.3")));
        builder.queueDeltaIfChanged();
        byte[] delta = queue.read(2);
        queue.clear();
        queue.put(1, delta);
        new SequenceCounter(stateDir).restartAfter(1);

        delivery.drain();

        assertEquals(List.of("FULL"), gateway.storedKinds());
        assertEquals(List.of(1L), gateway.storedSequences());
        assertTrue(queue.isEmpty());
    }
}
