package dev.herd.hub.csaf;

import java.math.BigInteger;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A value of CSAF {@code version_t} (section 3.1.11): integer versioning ({@code 3}) or semantic versioning 2.0.0
 * ({@code 1.2.0-rc.1+build.7}). An integer version {@code n} orders like {@code n.0.0}.
 */
record DocumentVersion(
        String text, boolean integer, BigInteger major, BigInteger minor, BigInteger patch, String preRelease)
        implements Comparable<DocumentVersion> {

    private static final Pattern INTEGER = Pattern.compile("0|[1-9][0-9]*");
    private static final String NUMBER = "(0|[1-9][0-9]*)";
    private static final String IDENTIFIER = "(?:0|[1-9][0-9]*|[0-9]*[a-zA-Z-][0-9a-zA-Z-]*)";
    private static final Pattern SEMANTIC = Pattern.compile(NUMBER + "\\." + NUMBER + "\\." + NUMBER
            + "(?:-(" + IDENTIFIER + "(?:\\." + IDENTIFIER + ")*))?"
            + "(?:\\+[0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*)?");

    static Optional<DocumentVersion> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        if (INTEGER.matcher(text).matches()) {
            return Optional.of(
                    new DocumentVersion(text, true, new BigInteger(text), BigInteger.ZERO, BigInteger.ZERO, null));
        }
        Matcher semantic = SEMANTIC.matcher(text);
        if (!semantic.matches()) {
            return Optional.empty();
        }
        return Optional.of(new DocumentVersion(
                text,
                false,
                new BigInteger(semantic.group(1)),
                new BigInteger(semantic.group(2)),
                new BigInteger(semantic.group(3)),
                semantic.group(4)));
    }

    boolean isPreRelease() {
        return preRelease != null;
    }

    /** {@code 0} or {@code 0.y.z}: a version from before the first release. */
    boolean isBeforeFirstRelease() {
        return major.signum() == 0;
    }

    /** The version without build metadata ({@code +...}). */
    String withoutBuild() {
        int plus = text.indexOf('+');
        return plus < 0 ? text : text.substring(0, plus);
    }

    /** The version without pre-release part and build metadata. */
    String withoutPreReleaseAndBuild() {
        String release = withoutBuild();
        int dash = release.indexOf('-');
        return dash < 0 ? release : release.substring(0, dash);
    }

    /** Precedence as semantic versioning defines it (section 11); build metadata does not count. */
    @Override
    public int compareTo(DocumentVersion other) {
        int result = major.compareTo(other.major);
        if (result == 0) {
            result = minor.compareTo(other.minor);
        }
        if (result == 0) {
            result = patch.compareTo(other.patch);
        }
        if (result != 0 || (preRelease == null && other.preRelease == null)) {
            return result;
        }
        if (preRelease == null || other.preRelease == null) {
            return preRelease == null ? 1 : -1;
        }
        return comparePreRelease(preRelease.split("\\."), other.preRelease.split("\\."));
    }

    private static int comparePreRelease(String[] left, String[] right) {
        for (int i = 0; i < Math.min(left.length, right.length); i++) {
            boolean leftNumeric = left[i].chars().allMatch(Character::isDigit);
            boolean rightNumeric = right[i].chars().allMatch(Character::isDigit);
            int result;
            if (leftNumeric && rightNumeric) {
                result = new BigInteger(left[i]).compareTo(new BigInteger(right[i]));
            } else if (leftNumeric || rightNumeric) {
                result = leftNumeric ? -1 : 1;
            } else {
                result = left[i].compareTo(right[i]);
            }
            if (result != 0) {
                return result;
            }
        }
        return Integer.compare(left.length, right.length);
    }
}
