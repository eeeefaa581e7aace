package dev.herd.portal.version;

/**
 * Semantic Versioning 2.0.0 precedence (section 11): major, minor and patch as numbers, a pre-release before its
 * release, pre-release identifiers one by one (numeric ones as numbers and before alphanumeric ones, which compare in
 * ASCII order; fewer identifiers first when all shared ones are equal); build metadata ignored. A leading {@code v} is
 * tolerated. Loose input is ordered too: a missing minor or patch counts as 0.
 */
public final class SemverVersionOrder implements VersionOrder {

    @Override
    public int compare(String a, String b) {
        int i = skipPrefix(a);
        int j = skipPrefix(b);
        int endA = end(a, i);
        int endB = end(b, j);
        // major.minor.patch: three dot-separated numbers.
        for (int part = 0; part < 3; part++) {
            int numEndA = numberEnd(a, i, endA);
            int numEndB = numberEnd(b, j, endB);
            int order = compareNumbers(a, i, numEndA, b, j, numEndB);
            if (order != 0) {
                return order;
            }
            i = numEndA < endA && a.charAt(numEndA) == '.' ? numEndA + 1 : numEndA;
            j = numEndB < endB && b.charAt(numEndB) == '.' ? numEndB + 1 : numEndB;
        }
        int preA = preReleaseStart(a, i, endA);
        int preB = preReleaseStart(b, j, endB);
        if (preA < 0 || preB < 0) {
            // No pre-release is newer than any pre-release.
            return preA < 0 ? (preB < 0 ? 0 : 1) : -1;
        }
        return comparePreRelease(a, preA, endA, b, preB, endB);
    }

    @Override
    public String name() {
        return "semver";
    }

    private static int comparePreRelease(String a, int i, int endA, String b, int j, int endB) {
        while (true) {
            if (i >= endA || j >= endB) {
                return Boolean.compare(i < endA, j < endB);
            }
            int idEndA = identifierEnd(a, i, endA);
            int idEndB = identifierEnd(b, j, endB);
            boolean numericA = isNumeric(a, i, idEndA);
            boolean numericB = isNumeric(b, j, idEndB);
            int order;
            if (numericA && numericB) {
                order = compareNumbers(a, i, idEndA, b, j, idEndB);
            } else if (numericA != numericB) {
                order = numericA ? -1 : 1;
            } else {
                order = compareAscii(a, i, idEndA, b, j, idEndB);
            }
            if (order != 0) {
                return order;
            }
            i = idEndA + 1;
            j = idEndB + 1;
        }
    }

    /** Numbers of any length: leading zeros dropped, then the longer is larger, then digit by digit. */
    static int compareNumbers(String a, int i, int endA, String b, int j, int endB) {
        while (i < endA && a.charAt(i) == '0') {
            i++;
        }
        while (j < endB && b.charAt(j) == '0') {
            j++;
        }
        if (endA - i != endB - j) {
            return endA - i < endB - j ? -1 : 1;
        }
        return compareAscii(a, i, endA, b, j, endB);
    }

    static int compareAscii(String a, int i, int endA, String b, int j, int endB) {
        while (i < endA && j < endB) {
            char ca = a.charAt(i++);
            char cb = b.charAt(j++);
            if (ca != cb) {
                return ca < cb ? -1 : 1;
            }
        }
        return Integer.compare(endA - i, endB - j);
    }

    private static int skipPrefix(String s) {
        int at = 0;
        while (at < s.length() && Character.isWhitespace(s.charAt(at))) {
            at++;
        }
        if (at < s.length() && (s.charAt(at) == 'v' || s.charAt(at) == 'V')) {
            at++;
        }
        return at;
    }

    /** Where the version ends: at build metadata ({@code +}) or trailing whitespace. */
    private static int end(String s, int start) {
        int end = s.indexOf('+', start);
        if (end < 0) {
            end = s.length();
        }
        while (end > start && Character.isWhitespace(s.charAt(end - 1))) {
            end--;
        }
        return end;
    }

    private static int numberEnd(String s, int at, int end) {
        while (at < end && s.charAt(at) >= '0' && s.charAt(at) <= '9') {
            at++;
        }
        return at;
    }

    /** The start of the pre-release after the version core, or -1 when there is none. */
    private static int preReleaseStart(String s, int at, int end) {
        if (at >= end) {
            return -1;
        }
        return s.charAt(at) == '-' ? at + 1 : at;
    }

    private static int identifierEnd(String s, int at, int end) {
        while (at < end && s.charAt(at) != '.') {
            at++;
        }
        return at;
    }

    private static boolean isNumeric(String s, int at, int end) {
        if (at == end) {
            return false;
        }
        for (int k = at; k < end; k++) {
            if (s.charAt(k) < '0' || s.charAt(k) > '9') {
                return false;
            }
        }
        return true;
    }
}
