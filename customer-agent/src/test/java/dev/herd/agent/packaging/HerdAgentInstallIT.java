package dev.herd.agent.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.herd.agent.process.CommandResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 item 4: the agent's .deb installed with the machine's own dpkg, checked, removed and purged; afterwards
 * the machine holds nothing of it. Needs root; a herd-agent already installed is left alone (the test skips).
 */
class HerdAgentInstallIT {

    private static final Path STATE = Path.of("/var/lib/herd-agent");
    private static final Path CONF = Path.of("/etc/herd-agent/agent.conf");
    private static final Path UNIT = Path.of("/lib/systemd/system/herd-agent.service");
    private static final Path WANTS = Path.of("/etc/systemd/system/multi-user.target.wants/herd-agent.service");

    private final AgentPackage deb = AgentPackage.built();
    private Set<String> before;
    private boolean installed;

    @BeforeEach
    void onlyAsRootOnAMachineWithoutTheAgent() {
        assumeTrue(AgentPackage.onPath("dpkg"), "no dpkg on this machine: nothing to install with");
        assumeTrue("0".equals(AgentPackage.run("id", "-u").strip()), "dpkg -i needs root; this test runs as a user");
        assumeTrue(status().isEmpty(), "herd-agent is already known to dpkg (" + status() + "): not touching it");
        assumeTrue(
                status("nftables").equals("installed"),
                "nftables is not installed: dpkg -i would stop on the package's one dependency");
        before = SystemFootprint.now();
    }

    /** The machine as it was, even when a step failed: purged, and what a broken purge left removed too. */
    @AfterEach
    void purgeEvenWhenAStepFailed() {
        if (!installed) {
            return;
        }
        if (!status().isEmpty()) {
            AgentPackage.attempt("dpkg", "--purge", "herd-agent");
        }
        for (String left : SystemFootprint.now()) {
            if (!before.contains(left)) {
                AgentPackage.attempt("rm", "-rf", left);
            }
        }
    }

    @Test
    void installsRunsAndPurgesWithoutTrace() throws Exception {
        installed = true;
        AgentPackage.run("dpkg", "-i", deb.deb().toString());
        assertEquals("installed", status());
        assertEquals(deb.version(), AgentPackage.run("dpkg-query", "-W", "-f=${Version}", "herd-agent"));
        assertEquals("root 700", owner(STATE) + " " + mode(STATE));
        assertEquals("root 600", owner(CONF) + " " + mode(CONF));
        assertTrue(Files.isSymbolicLink(WANTS), "the unit is enabled (deb-systemd-helper): " + WANTS);
        verifyUnit();
        agentRunsOnTheJavaItFinds();
        serviceWaitsForAGateway();
        serviceEnrolsFromItsSettings();

        AgentPackage.run("dpkg", "--remove", "herd-agent");
        assertEquals("config-files", status());
        assertFalse(Files.exists(Path.of("/usr/bin/herd-agent")));
        assertFalse(Files.exists(UNIT));
        assertTrue(Files.exists(CONF), "removal keeps the settings");
        assertTrue(Files.exists(STATE.resolve("credential.json")), "removal keeps the credential");

        AgentPackage.run("dpkg", "--purge", "herd-agent");
        assertEquals("", status());
        assertEquals(before, SystemFootprint.now(), "what the package left behind");
    }

    private void verifyUnit() {
        if (!AgentPackage.onPath("systemd-analyze")) {
            System.out.println("systemd-analyze is not installed: the unit is not verified");
            return;
        }
        CommandResult verify = AgentPackage.attempt("systemd-analyze", "verify", UNIT.toString());
        assertEquals(0, verify.exitCode(), verify.message());
        assertEquals("", verify.stderr().strip(), "systemd-analyze verify has remarks");
    }

    /** With an empty environment, as systemd starts it: the wrapper finds a Java 21+ itself; a Java 17 alone fails. */
    private void agentRunsOnTheJavaItFinds() throws IOException {
        String version = AgentPackage.run("env", "-i", "PATH=/usr/bin:/bin", "herd-agent", "--version");
        assertEquals("customer-agent 0.1.0", version.strip());
        assertTrue(AgentPackage.run("herd-agent", "--help").contains("enrol"));

        Path old = Files.createTempDirectory("java17");
        Files.createDirectories(old.resolve("bin"));
        Path java = Files.writeString(
                old.resolve("bin/java"), "#!/bin/sh\necho '    java.specification.version = 17' >&2\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        CommandResult noJava = AgentPackage.attempt(
                "env",
                "-i",
                "PATH=" + old.resolve("bin") + ":/usr/bin:/bin",
                "JAVA_HOME=" + old,
                "HERD_JDK_DIRS=" + old.resolve("none"),
                "/usr/bin/herd-agent",
                "--version");
        AgentPackage.run("rm", "-rf", old.toString());
        assertEquals(1, noJava.exitCode(), noJava.stdout());
        assertTrue(noJava.stderr().contains("herd-agent: needs Java 21 or newer"), noJava.stderr());
    }

    /** The service with the shipped settings refuses to start (78, no restart): agent.conf names no gateway. */
    private void serviceWaitsForAGateway() throws Exception {
        Path log = Files.createTempFile("herd-agent-service", ".log");
        Process service = ServiceStart.start(CONF, log);
        assertTrue(service.waitFor(60, TimeUnit.SECONDS), "the service script did not end");
        String said = Files.readString(log);
        Files.delete(log);
        assertEquals(78, service.exitValue(), said);
        assertTrue(said.contains("HERD_GATEWAY is not set in /etc/herd-agent/agent.conf"), said);
    }

    /** With a gateway and a token in agent.conf the service enrols, keeps the credential in /var/lib and runs. */
    private void serviceEnrolsFromItsSettings() throws Exception {
        EnrolmentGateway gateway = EnrolmentGateway.start();
        Path log = Files.createTempFile("herd-agent-service", ".log");
        Process service = null;
        try {
            Files.writeString(
                    CONF,
                    Files.readString(CONF)
                            .replace("HERD_GATEWAY=\n", "HERD_GATEWAY=" + gateway.url() + "\n")
                            .replace("HERD_ENROLMENT_TOKEN=\n", "HERD_ENROLMENT_TOKEN=tok-1\n")
                            // The stand-in gateway speaks plain HTTP: this test is about the package, not TLS.
                            .replace("HERD_TLS_ALLOW_PLAIN_HTTP=false\n", "HERD_TLS_ALLOW_PLAIN_HTTP=true\n")
                            .replace(
                                    "HERD_RUN_OPTIONS=--apply dry-run\n",
                                    "HERD_RUN_OPTIONS=--apply off --interval 1\n"));
            service = ServiceStart.start(CONF, log);
            Path heartbeat = STATE.resolve("heartbeat");
            for (int i = 0; i < 600 && service.isAlive() && !Files.exists(heartbeat); i++) {
                Thread.sleep(100);
            }
            String said = Files.readString(log);
            assertTrue(service.isAlive(), "the service ended: " + said);
            assertEquals("tok-1", gateway.token(), said);
            assertEquals(
                    "root 600", owner(STATE.resolve("credential.json")) + " " + mode(STATE.resolve("credential.json")));
            assertTrue(Files.exists(heartbeat), "no heartbeat in " + STATE + " after 60 s: " + said);
            assertTrue(said.contains("agent a-1 reporting to " + gateway.url()), said);
        } finally {
            if (service != null) {
                service.destroyForcibly().waitFor();
            }
            gateway.stop();
            Files.delete(log);
        }
    }

    /** dpkg's status of herd-agent: installed, config-files ..., or empty when dpkg does not know it. */
    private static String status() {
        return status("herd-agent");
    }

    private static String status(String name) {
        CommandResult query = AgentPackage.attempt("dpkg-query", "-W", "-f=${db:Status-Status}", name);
        String state = query.succeeded() ? query.stdout().strip() : "";
        return state.equals("not-installed") ? "" : state;
    }

    private static String owner(Path path) throws IOException {
        return Files.getOwner(path, LinkOption.NOFOLLOW_LINKS).getName();
    }

    private static String mode(Path path) {
        return AgentPackage.run("stat", "-c", "%a", path.toString()).strip();
    }
}
