package dev.herd.portal.version;

/**
 * RPM's version order over {@code [epoch:]version[-release]}: the epoch (missing means 0) as a number, then version
 * and release each with rpm 4.15+'s {@code rpmvercmp} ({@code ~} sorts before everything, {@code ^} after the base
 * version but before anything else appended). A missing release sorts before any release.
 */
public final class RpmVersionOrder implements VersionOrder {

    @Override
    public int compare(String a, String b) {
        int colonA = epochColon(a);
        int colonB = epochColon(b);
        int order = Long.compare(epoch(a, colonA), epoch(b, colonB));
        if (order != 0) {
            return order;
        }
        int versionA = colonA + 1;
        int versionB = colonB + 1;
        int hyphenA = a.lastIndexOf('-');
        int hyphenB = b.lastIndexOf('-');
        int endA = hyphenA < versionA ? a.length() : hyphenA;
        int endB = hyphenB < versionB ? b.length() : hyphenB;
        order = rpmvercmp(a, versionA, endA, b, versionB, endB);
        if (order != 0) {
            return order;
        }
        return rpmvercmp(a, Math.min(endA + 1, a.length()), a.length(), b, Math.min(endB + 1, b.length()), b.length());
    }

    @Override
    public String name() {
        return "rpm";
    }

    /** rpm's rpmvercmp (lib/rpmvercmp.c) over {@code a[i, endA)} and {@code b[j, endB)}; returns -1, 0 or 1. */
    static int rpmvercmp(String a, int i, int endA, String b, int j, int endB) {
        if (endA - i == endB - j && a.regionMatches(i, b, j, endA - i)) {
            return 0;
        }
        while (i < endA || j < endB) {
            while (i < endA && isSeparator(a.charAt(i))) {
                i++;
            }
            while (j < endB && isSeparator(b.charAt(j))) {
                j++;
            }
            char ca = i < endA ? a.charAt(i) : 0;
            char cb = j < endB ? b.charAt(j) : 0;
            if (ca == '~' || cb == '~') {
                if (ca != '~') {
                    return 1;
                }
                if (cb != '~') {
                    return -1;
                }
                i++;
                j++;
                continue;
            }
            // The caret is like the tilde, except that a version that has ended is older than one going on with ^.
            if (ca == '^' || cb == '^') {
                if (i >= endA) {
                    return -1;
                }
                if (j >= endB) {
                    return 1;
                }
                if (ca != '^') {
                    return 1;
                }
                if (cb != '^') {
                    return -1;
                }
                i++;
                j++;
                continue;
            }
            if (i >= endA || j >= endB) {
                break;
            }
            boolean numeric = isDigit(ca);
            int segEndA = segmentEnd(a, i, endA, numeric);
            int segEndB = segmentEnd(b, j, endB, numeric);
            if (segEndB == j) {
                // Segments of different kinds: the numeric one is newer.
                return numeric ? 1 : -1;
            }
            if (numeric) {
                while (i < segEndA && a.charAt(i) == '0') {
                    i++;
                }
                while (j < segEndB && b.charAt(j) == '0') {
                    j++;
                }
                int lengths = Integer.compare(segEndA - i, segEndB - j);
                if (lengths != 0) {
                    return lengths;
                }
            }
            int order = compareRange(a, i, segEndA, b, j, segEndB);
            if (order != 0) {
                return order;
            }
            i = segEndA;
            j = segEndB;
        }
        if (i >= endA && j >= endB) {
            return 0;
        }
        return i >= endA ? -1 : 1;
    }

    private static int segmentEnd(String s, int at, int end, boolean numeric) {
        while (at < end && (numeric ? isDigit(s.charAt(at)) : isAlpha(s.charAt(at)))) {
            at++;
        }
        return at;
    }

    private static int compareRange(String a, int i, int endA, String b, int j, int endB) {
        while (i < endA && j < endB) {
            char ca = a.charAt(i++);
            char cb = b.charAt(j++);
            if (ca != cb) {
                return ca < cb ? -1 : 1;
            }
        }
        return Integer.compare(endA - i, endB - j);
    }

    private static boolean isSeparator(char c) {
        return !isDigit(c) && !isAlpha(c) && c != '~' && c != '^';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAlpha(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** The colon ending an all-digit epoch, or -1. */
    private static int epochColon(String s) {
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c == ':') {
                return k;
            }
            if (!isDigit(c)) {
                return -1;
            }
        }
        return -1;
    }

    private static long epoch(String s, int colon) {
        long value = 0;
        for (int k = 0; k < colon; k++) {
            value = Math.min(value * 10 + (s.charAt(k) - '0'), Long.MAX_VALUE / 10);
        }
        return value;
    }
}
