package dev.herd.agent.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class OsReleaseTest {

    @Test
    void quotesAreRemovedAndEscapesResolved() {
        Map<String, String> values = OsRelease.parse("""
                # comment
                PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
                NAME='Alpine Linux'
                VERSION_ID=12
                ID=debian
                VARIANT="say \\"hi\\""
                """);

        assertEquals("Debian GNU/Linux 12 (bookworm)", values.get("PRETTY_NAME"));
        assertEquals("Alpine Linux", values.get("NAME"));
        assertEquals("12", values.get("VERSION_ID"));
        assertEquals("debian", values.get("ID"));
        assertEquals("say \"hi\"", values.get("VARIANT"));
    }
}
