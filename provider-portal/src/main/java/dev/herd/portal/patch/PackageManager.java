package dev.herd.portal.patch;

import java.util.Locale;
import java.util.regex.Pattern;

/** The package manager of a Linux distribution family, and which package names it accepts. */
public enum PackageManager {
    /** Debian policy 5.6.7: lower case, at least two characters; an optional {@code :arch} qualifier. */
    APT(Pattern.compile("[a-z0-9][a-z0-9+.-]+(:[a-z0-9-]+)?")),
    /** rpm names: letters, digits and {@code . _ + -}, not starting with a separator. */
    DNF(Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]*")),
    /** apk-tools names: letters, digits and {@code . _ + -}, not starting with a separator. */
    APK(Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]*"));

    private final Pattern packageName;

    PackageManager(Pattern packageName) {
        this.packageName = packageName;
    }

    /** The manager for an os-release {@code ID}: debian/ubuntu, the rpm family, alpine/wolfi. */
    public static PackageManager forOs(String osId) {
        if (osId == null) {
            throw new IllegalArgumentException("osId must not be null");
        }
        return switch (osId.trim().toLowerCase(Locale.ROOT)) {
            case "debian", "ubuntu" -> APT;
            case "rhel", "rocky", "almalinux", "fedora", "centos", "ol", "amzn" -> DNF;
            case "alpine", "wolfi" -> APK;
            default ->
                throw new IllegalArgumentException("osId '" + osId.replaceAll("\\p{Cntrl}", "?")
                        + "' has no known package manager (known: debian, ubuntu, rhel, rocky, almalinux, fedora,"
                        + " centos, ol, amzn, alpine, wolfi)");
        };
    }

    /** True when {@code name} is a valid package name for this manager. */
    public boolean acceptsPackageName(String name) {
        return name != null && packageName.matcher(name).matches();
    }
}
