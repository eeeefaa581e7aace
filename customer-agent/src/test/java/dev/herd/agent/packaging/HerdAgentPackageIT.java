package dev.herd.agent.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.herd.agent.process.CommandResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 15 item 4: the agent's .deb as built, inspected without installing it: control, files, scripts, unit. */
class HerdAgentPackageIT {

    private final AgentPackage deb = AgentPackage.built();

    @BeforeEach
    void needsDpkgDeb() {
        assumeTrue(AgentPackage.onPath("dpkg-deb"), "dpkg-deb is not installed: the package cannot be read");
    }

    @Test
    void controlFieldsNameTheAgentAndOnlyDependOnWhatDebianHas() {
        assertEquals("herd-agent", deb.field("Package"));
        assertEquals(deb.version(), deb.field("Version"));
        assertEquals("all", deb.field("Architecture"));
        String depends = deb.field("Depends");
        assertTrue(depends.contains("nftables"), depends);
        // Debian 12 has no Java 21 package: a hard dependency on one could never be satisfied there.
        assertFalse(depends.contains("java") || depends.contains("jdk") || depends.contains("jre"), depends);
        assertTrue(deb.field("Recommends").contains("java21-runtime-headless"), deb.field("Recommends"));
        assertTrue(deb.field("Suggests").contains("clamav"), deb.field("Suggests"));
    }

    @Test
    void filesHaveTheirPlacesOwnersAndModes() {
        Map<String, String> files = new TreeMap<>(deb.entries().entrySet().stream()
                .filter(e -> !e.getKey().endsWith("/"))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        assertEquals(
                new TreeMap<>(Map.of(
                        "/usr/bin/herd-agent", "-rwxr-xr-x root/root",
                        "/usr/lib/herd-agent/herd-agent-service", "-rwxr-xr-x root/root",
                        "/usr/share/herd-agent/customer-agent.jar", "-rw-r--r-- root/root",
                        "/lib/systemd/system/herd-agent.service", "-rw-r--r-- root/root",
                        "/etc/herd-agent/agent.conf", "-rw------- root/root",
                        "/usr/share/doc/herd-agent/README", "-rw-r--r-- root/root",
                        "/usr/share/doc/herd-agent/examples/apply-auto.conf", "-rw-r--r-- root/root")),
                files);
        // Every parent folder is in the package, so dpkg removes what it created; the state folder is not (postinst
        // makes it, postrm purge removes it with what the agent wrote).
        assertTrue(
                deb.entries().containsKey("/usr/share/herd-agent/"),
                deb.entries().keySet().toString());
        assertTrue(
                deb.entries().containsKey("/etc/herd-agent/"),
                deb.entries().keySet().toString());
        assertFalse(deb.entries().keySet().stream().anyMatch(p -> p.startsWith("/var/")));
    }

    @Test
    void conffileAndMaintainerScriptsAreThere(@TempDir Path dir) throws IOException {
        Path control = deb.control(dir.resolve("DEBIAN"));
        assertEquals(
                "/etc/herd-agent/agent.conf",
                Files.readString(control.resolve("conffiles")).strip());
        for (String script : Set.of("postinst", "prerm", "postrm")) {
            Path file = control.resolve(script);
            assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)), script);
            AgentPackage.run("sh", "-n", file.toString());
        }
        assertTrue(Files.readString(control.resolve("postrm")).contains("rm -rf /var/lib/herd-agent"));
    }

    @Test
    void configNamesGatewayTokenAndRunOptions(@TempDir Path dir) throws IOException {
        String conf = Files.readString(deb.data(dir).resolve("etc/herd-agent/agent.conf"));
        assertTrue(conf.contains("\nHERD_GATEWAY=\n"), conf);
        assertTrue(conf.contains("\nHERD_ENROLMENT_TOKEN=\n"), conf);
        assertTrue(conf.contains("\nHERD_RUN_OPTIONS=--apply dry-run\n"), conf);
    }

    /** systemd's own score of the sandbox (0 best, 10 worst): 2.9 with systemd 252; 3.5 leaves room for new checks. */
    @Test
    void unitIsHardened(@TempDir Path dir) {
        assumeTrue(AgentPackage.onPath("systemd-analyze"), "systemd-analyze is not installed: nothing to score with");
        Path unit = deb.data(dir).resolve("lib/systemd/system/herd-agent.service");
        CommandResult score = AgentPackage.attempt(
                "systemd-analyze", "security", "--offline=true", "--threshold=35", unit.toString());
        String verdict = score.stdout().lines().reduce("", (a, b) -> b);
        assertEquals(0, score.exitCode(), "exposure above 3.5: " + verdict + "\n" + score.stderr());
    }
}
