package dev.herd.portal.version;

/**
 * Debian's version order ({@code [epoch:]upstream[-revision]}), as dpkg's {@code verrevcmp} in lib/dpkg/version.c
 * and Debian policy 5.6.12 decide it: {@code ~} before everything (even the end), letters before other characters,
 * runs of digits as numbers, a missing revision equal to {@code 0}.
 */
public final class DpkgVersionOrder implements VersionOrder {

    @Override
    public int compare(String a, String b) {
        int startA = skipSpaces(a, 0);
        int endA = trimEnd(a, startA);
        int startB = skipSpaces(b, 0);
        int endB = trimEnd(b, startB);
        int colonA = epochColon(a, startA, endA);
        int colonB = epochColon(b, startB, endB);
        int order = Long.compare(epoch(a, startA, colonA), epoch(b, startB, colonB));
        if (order != 0) {
            return order;
        }
        int upstreamA = colonA < 0 ? startA : colonA + 1;
        int upstreamB = colonB < 0 ? startB : colonB + 1;
        // The revision starts after the last hyphen; without one it is empty, which compares equal to "0".
        int hyphenA = lastHyphen(a, upstreamA, endA);
        int hyphenB = lastHyphen(b, upstreamB, endB);
        order = verrevcmp(a, upstreamA, hyphenA < 0 ? endA : hyphenA, b, upstreamB, hyphenB < 0 ? endB : hyphenB);
        if (order != 0) {
            return order;
        }
        return verrevcmp(a, hyphenA < 0 ? endA : hyphenA + 1, endA, b, hyphenB < 0 ? endB : hyphenB + 1, endB);
    }

    @Override
    public String name() {
        return "dpkg";
    }

    /** dpkg's verrevcmp over {@code a[i, endA)} and {@code b[j, endB)}; returns -1, 0 or 1. */
    static int verrevcmp(String a, int i, int endA, String b, int j, int endB) {
        while (i < endA || j < endB) {
            while ((i < endA && !isDigit(a.charAt(i))) || (j < endB && !isDigit(b.charAt(j)))) {
                int ac = i < endA ? order(a.charAt(i)) : 0;
                int bc = j < endB ? order(b.charAt(j)) : 0;
                if (ac != bc) {
                    return ac < bc ? -1 : 1;
                }
                i++;
                j++;
            }
            while (i < endA && a.charAt(i) == '0') {
                i++;
            }
            while (j < endB && b.charAt(j) == '0') {
                j++;
            }
            int firstDiff = 0;
            while (i < endA && j < endB && isDigit(a.charAt(i)) && isDigit(b.charAt(j))) {
                if (firstDiff == 0) {
                    firstDiff = a.charAt(i) - b.charAt(j);
                }
                i++;
                j++;
            }
            if (i < endA && isDigit(a.charAt(i))) {
                return 1;
            }
            if (j < endB && isDigit(b.charAt(j))) {
                return -1;
            }
            if (firstDiff != 0) {
                return firstDiff < 0 ? -1 : 1;
            }
        }
        return 0;
    }

    /** dpkg's order(): digits (and the end) 0, letters their code, {@code ~} -1, anything else its code + 256. */
    private static int order(char c) {
        if (isDigit(c)) {
            return 0;
        } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
            return c;
        } else if (c == '~') {
            return -1;
        } else {
            return c + 256;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** The first colon when everything before it is a number; dpkg rejects other epochs, we read them as none. */
    private static int epochColon(String s, int start, int end) {
        for (int k = start; k < end; k++) {
            char c = s.charAt(k);
            if (c == ':') {
                return k > start ? k : -1;
            }
            if (!isDigit(c)) {
                return -1;
            }
        }
        return -1;
    }

    private static long epoch(String s, int start, int colon) {
        long value = 0;
        for (int k = start; k < colon; k++) {
            // dpkg refuses epochs above INT_MAX; capping keeps such input ordered rather than overflowing.
            value = Math.min(value * 10 + (s.charAt(k) - '0'), Integer.MAX_VALUE + 1L);
        }
        return value;
    }

    private static int lastHyphen(String s, int start, int end) {
        for (int k = end - 1; k >= start; k--) {
            if (s.charAt(k) == '-') {
                return k;
            }
        }
        return -1;
    }

    private static int skipSpaces(String s, int at) {
        while (at < s.length() && Character.isWhitespace(s.charAt(at))) {
            at++;
        }
        return at;
    }

    private static int trimEnd(String s, int start) {
        int end = s.length();
        while (end > start && Character.isWhitespace(s.charAt(end - 1))) {
            end--;
        }
        return end;
    }
}
