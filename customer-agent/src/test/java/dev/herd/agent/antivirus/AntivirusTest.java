package dev.herd.agent.antivirus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herd.agent.AgentCli;
import dev.herd.agent.FixtureRoot;
import dev.herd.agent.files.FileHasher;
import dev.herd.agent.report.MachineReport;
import dev.herd.agent.report.ReportCollector;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The anti-virus part of the report: ClamAV's versions from its own words, its package and its signature database,
 * and detections from a real ClamAV log naming a real EICAR test file, hashed for real.
 */
class AntivirusTest {

    /** The EICAR anti-virus test file: harmless, and found by every scanner. */
    private static final String EICAR = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";

    private static final String EICAR_SHA256 = "275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f";

    @TempDir
    Path root;

    @Test
    void clamscanVersionPackageVersionAndDatabaseHeaderAreRead() {
        assertEquals(
                Optional.of(new AntivirusProduct("ClamAV", "1.0.7", "27470")),
                ClamAvVersion.ofClamscan("ClamAV 1.0.7/27470/Mon Nov 16 09:00:00 2020\n"));
        assertEquals(
                Optional.of(new AntivirusProduct("ClamAV", "0.103.11", null)),
                ClamAvVersion.ofClamscan("ClamAV 0.103.11"));
        assertEquals(Optional.empty(), ClamAvVersion.ofClamscan("clamscan: command not found"));
        assertEquals("1.0.7", ClamAvVersion.ofPackage("1.0.7+dfsg-1~deb12u1"));
        assertEquals("0.103.2", ClamAvVersion.ofPackage("1:0.103.2+dfsg-2"));
        assertEquals(
                Optional.of("27470"),
                ClamAvVersion.ofDatabaseHeader("ClamAV-VDB:16 Nov 2020 09-00 +0000:27470:3957000:63:abc:sig:raynman"));
        assertEquals(Optional.empty(), ClamAvVersion.ofDatabaseHeader("PK\u0003\u0004 not a database"));
    }

    @Test
    void detectionsComeFromTheLogWithTheInfectedFilesHash() throws Exception {
        Path eicar = write("home/u/eicar.com", EICAR);
        assertEquals(EICAR_SHA256, sha256(EICAR.getBytes(StandardCharsets.US_ASCII)), "the EICAR string as written");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        log.writeBytes("""
                --------------------------------------
                Sat Nov 21 10:00:00 2026 -> +++ Started at Sat Nov 21 10:00:00 2026
                Sat Nov 21 10:00:00 2026 -> /home/u/eicar.com: Win.Test.EICAR_HDB-1 FOUND
                Sat Nov  7 09:05:01 2026 -> /home/u/old dropper.sh: Unix.Trojan.Mirai-7100807-0(6dd7a3c4e4b2c1d0e0f1a2b3c4d5e6f7:1024) FOUND
                /tmp/gone.exe: Win.Trojan.Agent-123 FOUND
                Xyz Nov 21 10:00:00 2026 -> /home/u/eicar.com: Broken.Date FOUND
                Sat Nov 21 10:00:00 2026 -> /home/u/eicar.com: ERROR: Can't open file
                stream(127.0.0.1@41242): Eicar-Signature FOUND
                ----------- SCAN SUMMARY -----------
                Infected files: 1
                """.getBytes(StandardCharsets.UTF_8));
        log.writeBytes("/home/u/caf\u00e9\n".getBytes(StandardCharsets.UTF_8));
        log.writeBytes(new byte[] {'/', 'x', (byte) 0xff, ':', ' ', 'B', 'a', 'd', '.', 'B', 'y', 't', 'e', ' '});
        log.writeBytes("FOUND\n".getBytes(StandardCharsets.UTF_8));
        Path logFile = write("var/log/clamav/clamav.log", "");
        Files.write(logFile, log.toByteArray());
        Files.setLastModifiedTime(logFile, FileTime.from(Instant.parse("2026-11-21T10:30:00Z")));

        Antivirus found = AntivirusCollector.collect(root, List.of(), List.of(), Optional.empty(), ZoneOffset.UTC);

        assertEquals(List.of(), found.products(), "no ClamAV package: no product, yet its log is read");
        assertEquals(
                List.of(
                        new AntivirusDetection(
                                "ClamAV",
                                "Win.Test.EICAR_HDB-1",
                                "/home/u/eicar.com",
                                EICAR_SHA256,
                                "2026-11-21T10:00:00Z"),
                        new AntivirusDetection(
                                "ClamAV",
                                "Unix.Trojan.Mirai-7100807-0",
                                "/home/u/old dropper.sh",
                                null,
                                "2026-11-07T09:05:01Z"),
                        new AntivirusDetection(
                                "ClamAV", "Win.Trojan.Agent-123", "/tmp/gone.exe", null, "2026-11-21T10:30:00Z"),
                        new AntivirusDetection("ClamAV", "Bad.Byte", "/x\ufffd", null, "2026-11-21T10:30:00Z")),
                found.detections());
        assertEquals(EICAR_SHA256, sha256(Files.readAllBytes(eicar)));
    }

    @Test
    void theReportCarriesClamAvFromTheDpkgDatabaseAndTheNamedLogs() throws Exception {
        FixtureRoot.build(root);
        Path status = root.resolve("var/lib/dpkg/status");
        Files.writeString(
                status,
                Files.readString(status)
                        + "\nPackage: clamav\nStatus: install ok installed\nArchitecture: arm64\n"
                        + "Version: 1.0.7+dfsg-1~deb12u1\n");
        byte[] header = new byte[512];
        byte[] text = "ClamAV-VDB:21 Nov 2026 06-12 +0000:27830:2070000:90:0f1e:sig:raynman:1763705520"
                .getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(text, 0, header, 0, text.length);
        write("var/lib/clamav/daily.cvd", "");
        Files.write(root.resolve("var/lib/clamav/daily.cvd"), header);
        write("home/u/eicar.com", EICAR);
        write("var/log/clamscan/daily.log", "/home/u/eicar.com: Eicar-Signature FOUND\n");

        AgentCli cli = AgentCli.run(
                "collect", "--print", "--root", root.toString(), "--av-log", "/var/log/clamscan/daily.log");

        assertEquals(0, cli.exit(), cli.err());
        JsonNode antivirus = new ObjectMapper().readTree(cli.out()).path("antivirus");
        assertEquals(
                new ObjectMapper()
                        .readTree("[{\"name\":\"ClamAV\",\"version\":\"1.0.7\",\"patternVersion\":\"27830\"}]"),
                antivirus.path("products"));
        JsonNode detection = antivirus.path("detections").path(0);
        assertEquals("ClamAV", detection.path("product").asText());
        assertEquals("Eicar-Signature", detection.path("signature").asText());
        assertEquals("/home/u/eicar.com", detection.path("path").asText());
        assertEquals(EICAR_SHA256, detection.path("sha256").asText());
        assertEquals(
                Files.getLastModifiedTime(root.resolve("var/log/clamscan/daily.log"))
                        .toInstant()
                        .toString(),
                detection.path("detectedAt").asText());
        assertEquals(1, antivirus.path("detections").size());
    }

    @Test
    void thisMachinesClamAvIsReportedExactlyWhenDpkgHasIt() {
        MachineReport report = ReportCollector.collect(Path.of("/"), FileHasher.DEFAULT_WATCHED, Clock.systemUTC());

        boolean installed = report.packages().stream().anyMatch(p -> p.name().equals("clamav"));
        assertEquals(
                installed ? 1 : 0,
                report.antivirus().products().size(),
                report.antivirus().toString());
        report.antivirus().products().forEach(product -> {
            assertEquals("ClamAV", product.name());
            assertTrue(product.version().matches("\\d+\\.\\d+.*"), product.version());
        });
    }

    @Test
    void aMissingOrUnreadableLogGivesNoDetections() throws Exception {
        Files.createDirectories(root.resolve("var/log/clamav/clamav.log"));

        Antivirus found = AntivirusCollector.collect(
                root,
                List.of(),
                List.of("/var/log/none.log", "/var/log/clamav/clamav.log"),
                Optional.empty(),
                ZoneOffset.UTC);

        assertEquals(Antivirus.none(), found);
    }

    private Path write(String path, String content) throws Exception {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content, StandardCharsets.US_ASCII);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
