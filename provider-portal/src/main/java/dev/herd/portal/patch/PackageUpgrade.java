package dev.herd.portal.patch;

/**
 * One package to move from its installed version to a fixed one; the rollback moves it back. Versions are in the
 * package manager's own syntax (dpkg {@code 1:3.0.11-1~deb12u2}, rpm {@code 3.0.7-25.el9}, apk {@code 3.1.4-r5}).
 */
public record PackageUpgrade(String packageName, String installedVersion, String targetVersion) {

    public PackageUpgrade {
        requireWord(packageName, "packageName");
        requireWord(installedVersion, "installedVersion");
        requireWord(targetVersion, "targetVersion");
    }

    private static void requireWord(String value, String field) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(field + " must not be empty");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= ' ' || c == 0x7f) {
                throw new IllegalArgumentException(
                        field + " must not contain whitespace or control characters (position " + i + ")");
            }
        }
        if (value.charAt(0) == '-') {
            throw new IllegalArgumentException(field + " must not start with '-'");
        }
    }
}
