package dev.herd.hub.verification;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Files under {@code src/test/resources/verification}: a real CSAF advisory and what GnuPG made for it. */
final class TestResources {

    static final String ADVISORY = "rhsa-2022_0011.json";

    private TestResources() {}

    static byte[] bytes(String name) {
        try (InputStream in = TestResources.class.getResourceAsStream("/verification/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No test resource verification/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String name) {
        return new String(bytes(name), UTF_8);
    }
}
