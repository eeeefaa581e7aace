package dev.herd.portal.version;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class VercmpTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String input, String... args) throws IOException {
        return Vercmp.run(
                args,
                new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void answersEveryLine() throws IOException {
        int status = run("29 29-2\n1:1.0 2.0\n1.0~rc1 1.0~rc1\n", "Debian:12");
        assertEquals(0, status);
        assertEquals("29 < 29-2\n1:1.0 > 2.0\n1.0~rc1 = 1.0~rc1\n", out.toString(StandardCharsets.UTF_8));
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void toolNamesAreCaseInsensitive() throws IOException {
        assertEquals(0, run("1.0~rc1 1.0\n", "RPM"));
        assertEquals("1.0~rc1 < 1.0\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void malformedLinesAreReportedAndTheRestAnswered() throws IOException {
        int status = run("1.0 2.0\nonly-one\n1.0 2.0 3.0\n\n  2.0\t1.0  \n", "pypi");
        assertEquals(1, status);
        assertEquals("1.0 < 2.0\n2.0 > 1.0\n", out.toString(StandardCharsets.UTF_8));
        String messages = err.toString(StandardCharsets.UTF_8);
        assertTrue(messages.contains("line 2"), messages);
        assertTrue(messages.contains("line 3"), messages);
        assertTrue(messages.contains("line 4"), messages);
    }

    @Test
    void unknownEcosystemListsTheKnownOnes() throws IOException {
        assertEquals(2, run("1 2\n", "cobol"));
        String messages = err.toString(StandardCharsets.UTF_8);
        assertTrue(messages.contains("cobol") && messages.contains("debian") && messages.contains("maven"), messages);
        assertEquals("", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void missingArgumentIsAUsageError() throws IOException {
        assertEquals(2, run(""));
    }
}
