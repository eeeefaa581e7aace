package dev.herd.agent.apply.patch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herd.agent.apply.patch.PackageManager.PackageVersion;
import dev.herd.agent.process.CommandResult;
import dev.herd.agent.process.ProcessRunner;
import dev.herd.agent.process.SystemProcessRunner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * apt for real on this Debian machine (simulations and queries only: nothing is installed), and the argument lists
 * every package manager builds, recorded.
 */
class PackageManagersTest {

    private final AptPackageManager apt = new AptPackageManager(new SystemProcessRunner(Duration.ofMinutes(2)));

    /** The installed version as dpkg-query itself prints it. */
    private static String installedBash() {
        CommandResult r = new SystemProcessRunner(Duration.ofSeconds(30))
                .run(List.of("dpkg-query", "-W", "-f=${Version}", "bash"));
        assertTrue(r.succeeded(), r.message());
        return r.stdout().strip();
    }

    @Test
    void aptReadsTheInstalledVersionFromDpkg() {
        assertEquals(Optional.of(installedBash()), apt.installedVersion("bash"));
        assertEquals(Optional.empty(), apt.installedVersion("herd-no-such-package"));
    }

    @Test
    void aptSimulatesInstallingTheInstalledVersion() {
        String version = installedBash();

        CommandResult simulated = apt.simulate(List.of(new PackageVersion("bash", version)));

        assertTrue(simulated.succeeded(), simulated.message());
        assertEquals(List.of("apt-get", "-s", "install", "bash=" + version), simulated.command());
        assertTrue(
                simulated.stdout().contains("bash is already the newest version (" + version + ")"),
                simulated.stdout());
    }

    @Test
    void aptSimulationRefusesAVersionItDoesNotKnow() {
        CommandResult simulated = apt.simulate(List.of(new PackageVersion("bash", "0.0-herd-missing")));

        assertFalse(simulated.succeeded());
        assertTrue(
                simulated.message().contains("Version '0.0-herd-missing' for 'bash' was not found"),
                simulated.message());
    }

    /** Records commands and answers each with a fixed result. */
    private static final class Recorder implements ProcessRunner {
        final List<String> commands = new ArrayList<>();
        final List<Map<String, String>> environments = new ArrayList<>();
        int exit;
        String stdout = "";

        @Override
        public CommandResult run(List<String> command, Map<String, String> environment) {
            commands.add(String.join(" ", command));
            environments.add(environment);
            return new CommandResult(command, exit, stdout, "");
        }
    }

    @Test
    void aptInstallsNonInteractivelyAllowingDowngrades() {
        Recorder r = new Recorder();
        AptPackageManager recorded = new AptPackageManager(r);

        recorded.install(new PackageVersion("openssl", "3.0.1"));
        recorded.remove("libfoo");

        assertEquals(
                List.of("apt-get install -y --allow-downgrades openssl=3.0.1", "apt-get remove -y libfoo"), r.commands);
        assertEquals(Map.of("DEBIAN_FRONTEND", "noninteractive"), r.environments.getFirst());
    }

    @Test
    void dnfBuildsNameVersionSpecsAndReadsAnAssumenoAbortAsSuccess() {
        Recorder r = new Recorder();
        DnfPackageManager dnf = new DnfPackageManager(r);
        r.exit = 1;
        r.stdout = "Upgrading:\n openssl x86_64 1:3.0.7-25.el9\nOperation aborted.\n";

        CommandResult simulated = dnf.simulate(List.of(new PackageVersion("openssl", "1:3.0.7-25.el9")));
        r.exit = 0;
        dnf.install(new PackageVersion("openssl", "1:3.0.7-24.el9"));
        dnf.installedVersion("openssl");

        assertTrue(simulated.succeeded());
        assertEquals(
                List.of(
                        "dnf install --assumeno openssl-1:3.0.7-25.el9",
                        "dnf install -y openssl-1:3.0.7-24.el9",
                        "rpm -q --qf %|EPOCH?{%{EPOCH}:}:{}|%{VERSION}-%{RELEASE} openssl"),
                r.commands);
    }

    @Test
    void apkPinsVersionsAndReadsThemFromApkList() {
        Recorder r = new Recorder();
        ApkPackageManager apk = new ApkPackageManager(r);
        r.stdout =
                "musl-utils-1.2.4-r2 x86_64 {musl} (MIT) [installed]\nmusl-1.2.4-r2 x86_64 {musl} (MIT) [installed]\n";

        apk.simulate(List.of(new PackageVersion("musl", "1.2.4-r3")));
        apk.install(new PackageVersion("musl", "1.2.4-r3"));
        Optional<String> version = apk.installedVersion("musl");

        assertEquals(Optional.of("1.2.4-r2"), version, "musl-utils is another package");
        assertEquals(
                List.of("apk add --simulate musl=1.2.4-r3", "apk add musl=1.2.4-r3", "apk list -I musl"), r.commands);
    }

    @Test
    void onlyTheThreeKnownManagersAreNamed() {
        Recorder r = new Recorder();
        assertEquals("apt", PackageManagers.named("apt", r).orElseThrow().name());
        assertEquals("dnf", PackageManagers.named("dnf", r).orElseThrow().name());
        assertEquals("apk", PackageManagers.named("apk", r).orElseThrow().name());
        assertTrue(PackageManagers.named("yum", r).isEmpty());
        assertTrue(PackageManagers.named(null, r).isEmpty());
    }
}
