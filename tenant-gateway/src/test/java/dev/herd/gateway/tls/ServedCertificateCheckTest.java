package dev.herd.gateway.tls;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gateway does not start serving a certificate that the CA agents pin did not issue. */
class ServedCertificateCheckTest {

    @TempDir
    Path temp;

    @Test
    void aCertificateTheCaIssuedPasses() throws Exception {
        Path tls = TlsProfile.dir();
        assertDoesNotThrow(
                () -> ServedCertificateCheck.check(gatewayStore(tls), GatewayCa.read(tls.resolve("ca.pem")), "ca.pem"));
    }

    @Test
    void aCertificateOfAnotherCaStopsTheStart() throws Exception {
        Path other = temp.resolve("other");
        run(
                "bash",
                Path.of("..", "launcher", "tls", "make-demo-ca.sh")
                        .toAbsolutePath()
                        .toString(),
                other.toString());

        IllegalStateException refused = assertThrows(
                IllegalStateException.class,
                () -> ServedCertificateCheck.check(
                        gatewayStore(TlsProfile.dir()), GatewayCa.read(other.resolve("ca.pem")), "other/ca.pem"));
        assertTrue(
                refused.getMessage().contains("was not issued by herd.tls.ca-file other/ca.pem"), refused.getMessage());
    }

    @Test
    void aCaOfTheSameNameWithAnotherKeyStopsTheStart() throws Exception {
        X509Certificate real = GatewayCa.read(TlsProfile.dir().resolve("ca.pem"));
        Path store = temp.resolve("impostor.p12");
        Path pem = temp.resolve("impostor.pem");
        String keytool =
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        run(
                keytool,
                "-genkeypair",
                "-alias",
                "ca",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-keystore",
                store.toString(),
                "-storetype",
                "PKCS12",
                "-storepass",
                TlsProfile.PASSWORD,
                "-dname",
                real.getSubjectX500Principal().getName(),
                "-ext",
                "bc:c=ca:true");
        run(
                keytool,
                "-exportcert",
                "-rfc",
                "-alias",
                "ca",
                "-keystore",
                store.toString(),
                "-storetype",
                "PKCS12",
                "-storepass",
                TlsProfile.PASSWORD,
                "-file",
                pem.toString());
        X509Certificate impostor = GatewayCa.read(pem);
        assertTrue(impostor.getSubjectX500Principal().equals(real.getSubjectX500Principal()));

        IllegalStateException refused = assertThrows(
                IllegalStateException.class,
                () -> ServedCertificateCheck.check(gatewayStore(TlsProfile.dir()), impostor, "impostor.pem"));
        assertTrue(refused.getMessage().contains("was not issued by"), refused.getMessage());
    }

    @Test
    void aKeyStoreWithoutAKeyStopsTheStart() throws Exception {
        KeyStore empty = KeyStore.getInstance("PKCS12");
        empty.load(null, null);
        IllegalStateException refused = assertThrows(
                IllegalStateException.class,
                () -> ServedCertificateCheck.check(
                        empty, GatewayCa.read(TlsProfile.dir().resolve("ca.pem")), "ca.pem"));
        assertTrue(refused.getMessage().contains("holds no key"), refused.getMessage());
    }

    private static KeyStore gatewayStore(Path tls) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(tls.resolve("gateway.p12"))) {
            store.load(in, TlsProfile.PASSWORD.toCharArray());
        }
        return store;
    }

    private static void run(String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        String said = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + said);
        }
    }
}
