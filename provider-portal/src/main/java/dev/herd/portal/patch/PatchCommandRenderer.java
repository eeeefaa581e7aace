package dev.herd.portal.patch;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders the shell commands that install a patch plan's upgrades, and those that roll it back, for one package
 * manager. All packages go into one command so the manager resolves their dependencies together (libssl3 and
 * openssl must move as one); the rollback lists them in reverse order. Every word that is not plain
 * {@code [A-Za-z0-9.+:~_=-]} is single-quoted for POSIX sh. Stateless and thread-safe.
 */
public final class PatchCommandRenderer {

    /** The commands that move every package to its target version; empty when there is nothing to upgrade. */
    public List<String> install(PackageManager pm, List<PackageUpgrade> upgrades) {
        checked(pm, upgrades);
        if (upgrades.isEmpty()) {
            return List.of();
        }
        return List.of(
                switch (pm) {
                    case APT ->
                        command(
                                "DEBIAN_FRONTEND=noninteractive apt-get install -y --only-upgrade",
                                upgrades,
                                "=",
                                true);
                    case DNF -> command("dnf upgrade -y", upgrades, "-", true);
                    case APK -> command("apk add --upgrade", upgrades, "=", true);
                });
    }

    /** The commands that move every package back to its installed version, in reverse order. */
    public List<String> rollback(PackageManager pm, List<PackageUpgrade> upgrades) {
        checked(pm, upgrades);
        if (upgrades.isEmpty()) {
            return List.of();
        }
        List<PackageUpgrade> reversed = new ArrayList<>(upgrades).reversed();
        return List.of(
                switch (pm) {
                    case APT ->
                        command(
                                "DEBIAN_FRONTEND=noninteractive apt-get install -y --allow-downgrades",
                                reversed,
                                "=",
                                false);
                    case DNF -> command("dnf downgrade -y", reversed, "-", false);
                    case APK -> command("apk add", reversed, "=", false);
                });
    }

    private static String command(String prefix, List<PackageUpgrade> upgrades, String separator, boolean target) {
        StringBuilder out = new StringBuilder(prefix);
        for (PackageUpgrade upgrade : upgrades) {
            String version = target ? upgrade.targetVersion() : upgrade.installedVersion();
            out.append(' ').append(shellWord(upgrade.packageName() + separator + version));
        }
        return out.toString();
    }

    private static void checked(PackageManager pm, List<PackageUpgrade> upgrades) {
        if (pm == null) {
            throw new IllegalArgumentException("pm must not be null");
        }
        if (upgrades == null) {
            throw new IllegalArgumentException("upgrades must not be null");
        }
        for (int i = 0; i < upgrades.size(); i++) {
            PackageUpgrade upgrade = upgrades.get(i);
            if (upgrade == null) {
                throw new IllegalArgumentException("upgrades[" + i + "] must not be null");
            }
            if (!pm.acceptsPackageName(upgrade.packageName())) {
                throw new IllegalArgumentException("upgrades[" + i + "].packageName '" + upgrade.packageName()
                        + "' is not a valid " + pm + " package name");
            }
        }
    }

    /** {@code word} as one POSIX sh word: unchanged when plain, otherwise single-quoted. */
    static String shellWord(String word) {
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            boolean plain = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || ".+:~_=-".indexOf(c) >= 0;
            if (!plain) {
                return "'" + word.replace("'", "'\\''") + "'";
            }
        }
        return word;
    }
}
