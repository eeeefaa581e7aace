package dev.herd.gateway.tls;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The gateway does not start serving plain HTTP, or without a CA for agents to pin, unless plain HTTP is allowed. */
class PlainHttpPolicyTest {

    @Test
    void plainHttpWithoutLeaveStopsTheStart() {
        IllegalStateException refused = assertThrows(
                IllegalStateException.class,
                () -> policy(false, Optional.of(ca()), "enabled").check());
        assertTrue(
                refused.getMessage().contains("quarkus.http.insecure-requests=enabled would serve plain HTTP"),
                refused.getMessage());
        assertThrows(
                IllegalStateException.class,
                () -> policy(false, Optional.of(ca()), "redirect").check());
    }

    @Test
    void httpsOnlyNeedsACa() {
        IllegalStateException refused = assertThrows(
                IllegalStateException.class,
                () -> policy(false, Optional.empty(), "disabled").check());
        assertTrue(refused.getMessage().contains("herd.tls.ca-file is not set"), refused.getMessage());
        assertDoesNotThrow(() -> policy(false, Optional.of(ca()), "disabled").check());
    }

    @Test
    void allowedPlainHttpStarts() {
        assertDoesNotThrow(() -> policy(true, Optional.empty(), "enabled").check());
    }

    @Test
    void aCaFileThatIsNoCertificateIsNamed() throws Exception {
        Path notCa = TlsProfile.dir().resolve("ca.sha256");
        IllegalStateException refused =
                assertThrows(IllegalStateException.class, () -> new GatewayCa(config(false, Optional.of(notCa))));
        assertTrue(refused.getMessage().contains("is not a PEM or DER X.509 certificate"), refused.getMessage());
    }

    private static Path ca() {
        return TlsProfile.dir().resolve("ca.pem");
    }

    private static PlainHttpPolicy policy(boolean allow, Optional<Path> caFile, String insecureRequests) {
        TlsConfig config = config(allow, caFile);
        return new PlainHttpPolicy(config, new GatewayCa(config), insecureRequests);
    }

    private static TlsConfig config(boolean allow, Optional<Path> caFile) {
        return new TlsConfig() {
            @Override
            public boolean allowPlainHttp() {
                return allow;
            }

            @Override
            public Optional<Path> caFile() {
                return caFile;
            }
        };
    }
}
