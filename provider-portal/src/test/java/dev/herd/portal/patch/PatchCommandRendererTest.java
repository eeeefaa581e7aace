package dev.herd.portal.patch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PatchCommandRendererTest {

    private final PatchCommandRenderer renderer = new PatchCommandRenderer();

    private final List<PackageUpgrade> openssl = List.of(
            new PackageUpgrade("libssl3", "3.0.11-1~deb12u1", "3.0.11-1~deb12u2"),
            new PackageUpgrade("openssl", "3.0.11-1~deb12u1", "3.0.11-1~deb12u2"));

    @Test
    void aptInstallsAllInOneCommandAndRollsBackInReverse() {
        assertEquals(
                List.of("DEBIAN_FRONTEND=noninteractive apt-get install -y --only-upgrade"
                        + " libssl3=3.0.11-1~deb12u2 openssl=3.0.11-1~deb12u2"),
                renderer.install(PackageManager.APT, openssl));
        assertEquals(
                List.of("DEBIAN_FRONTEND=noninteractive apt-get install -y --allow-downgrades"
                        + " openssl=3.0.11-1~deb12u1 libssl3=3.0.11-1~deb12u1"),
                renderer.rollback(PackageManager.APT, openssl));
    }

    @Test
    void dnfUsesNameDashVersion() {
        List<PackageUpgrade> upgrades = List.of(
                new PackageUpgrade("openssl-libs", "1:3.0.7-24.el9", "1:3.0.7-25.el9"),
                new PackageUpgrade("glibc", "2.34-100.el9", "2.34-100.el9_4.2"));
        assertEquals(
                List.of("dnf upgrade -y openssl-libs-1:3.0.7-25.el9 glibc-2.34-100.el9_4.2"),
                renderer.install(PackageManager.DNF, upgrades));
        assertEquals(
                List.of("dnf downgrade -y glibc-2.34-100.el9 openssl-libs-1:3.0.7-24.el9"),
                renderer.rollback(PackageManager.DNF, upgrades));
    }

    @Test
    void apkPinsVersions() {
        List<PackageUpgrade> upgrades = List.of(
                new PackageUpgrade("libcrypto3", "3.1.4-r1", "3.1.4-r5"),
                new PackageUpgrade("busybox", "1.36.1-r15", "1.36.1-r19"),
                new PackageUpgrade("musl", "1.2.4-r1", "1.2.4-r2"));
        assertEquals(
                List.of("apk add --upgrade libcrypto3=3.1.4-r5 busybox=1.36.1-r19 musl=1.2.4-r2"),
                renderer.install(PackageManager.APK, upgrades));
        assertEquals(
                List.of("apk add musl=1.2.4-r1 busybox=1.36.1-r15 libcrypto3=3.1.4-r1"),
                renderer.rollback(PackageManager.APK, upgrades));
    }

    @Test
    void nothingToUpgradeIsNoCommand() {
        assertEquals(List.of(), renderer.install(PackageManager.APT, List.of()));
        assertEquals(List.of(), renderer.rollback(PackageManager.DNF, List.of()));
    }

    @Test
    void versionsOutsideThePlainSetAreSingleQuoted() {
        List<PackageUpgrade> odd = List.of(
                new PackageUpgrade("kernel", "6.1^git'1", "6.2$(reboot)`id`"),
                new PackageUpgrade("vim", "9.0;rm", "9.1&&x|y"));
        assertEquals(
                List.of("dnf upgrade -y 'kernel-6.2$(reboot)`id`' 'vim-9.1&&x|y'"),
                renderer.install(PackageManager.DNF, odd));
        assertEquals(
                List.of("dnf downgrade -y 'vim-9.0;rm' 'kernel-6.1^git'\\''1'"),
                renderer.rollback(PackageManager.DNF, odd));
    }

    @Test
    void quotedCommandsSplitIntoExactlyTheIntendedWordsInARealShell() throws Exception {
        Path sh = Path.of("/bin/sh");
        Assumptions.assumeTrue(Files.isExecutable(sh), "no /bin/sh to check quoting against");
        List<PackageUpgrade> odd = List.of(
                new PackageUpgrade("kernel", "6.1^git'1", "6.2$(touch${IFS}/tmp/herd-pwned)`id`"),
                new PackageUpgrade("vim", "9.0;rm", "9.1&&x|y\"*"));
        String command = renderer.rollback(PackageManager.DNF, odd).get(0) + " "
                + renderer.install(PackageManager.DNF, odd).get(0);

        // `set --` makes the shell split and unquote the words without running the command.
        Process process = new ProcessBuilder(sh.toString(), "-c", "set -- " + command + "; printf '%s\\n' \"$@\"")
                .redirectErrorStream(true)
                .start();
        String words = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor());
        assertEquals(
                List.of(
                        "dnf",
                        "downgrade",
                        "-y",
                        "vim-9.0;rm",
                        "kernel-6.1^git'1",
                        "dnf",
                        "upgrade",
                        "-y",
                        "kernel-6.2$(touch${IFS}/tmp/herd-pwned)`id`",
                        "vim-9.1&&x|y\"*"),
                words.lines().toList());
        assertTrue(Files.notExists(Path.of("/tmp/herd-pwned")));
    }

    @ParameterizedTest
    @CsvSource({
        "APT, OpenSSL",
        "APT, a",
        "APT, lib_ssl",
        "APT, .hidden",
        "DNF, +rf",
        "DNF, glibc;reboot",
        "DNF, name/with/slash",
        "APK, busy$box",
        "APK, _x",
        "APK, so:libc.musl-x86_64.so.1"
    })
    void namesInvalidForTheManagerAreRejected(PackageManager pm, String name) {
        List<PackageUpgrade> upgrades = List.of(new PackageUpgrade(name, "1", "2"));
        String message = assertThrows(IllegalArgumentException.class, () -> renderer.install(pm, upgrades))
                .getMessage();
        assertEquals("upgrades[0].packageName '" + name + "' is not a valid " + pm + " package name", message);
        assertThrows(IllegalArgumentException.class, () -> renderer.rollback(pm, upgrades));
    }

    @Test
    void namesValidForOneManagerAreAccepted() {
        assertEquals(
                List.of("DEBIAN_FRONTEND=noninteractive apt-get install -y --only-upgrade libstdc++6:amd64=12.2.0-14"),
                renderer.install(
                        PackageManager.APT, List.of(new PackageUpgrade("libstdc++6:amd64", "12.2.0-13", "12.2.0-14"))));
        assertEquals(
                List.of("dnf upgrade -y NetworkManager-1:1.46.0-1.el9"),
                renderer.install(
                        PackageManager.DNF,
                        List.of(new PackageUpgrade("NetworkManager", "1:1.44.0-3.el9", "1:1.46.0-1.el9"))));
    }

    @Test
    void badUpgradesAreRejectedNamingTheField() throws IOException {
        assertEquals(
                "packageName must not be empty",
                assertThrows(IllegalArgumentException.class, () -> new PackageUpgrade("", "1", "2"))
                        .getMessage());
        assertEquals(
                "targetVersion must not contain whitespace or control characters (position 1)",
                assertThrows(IllegalArgumentException.class, () -> new PackageUpgrade("vim", "1", "2\n3"))
                        .getMessage());
        assertEquals(
                "installedVersion must not start with '-'",
                assertThrows(IllegalArgumentException.class, () -> new PackageUpgrade("vim", "--force", "2"))
                        .getMessage());
        assertThrows(IllegalArgumentException.class, () -> renderer.install(null, List.of()));
        assertThrows(IllegalArgumentException.class, () -> renderer.install(PackageManager.APK, null));
    }
}
