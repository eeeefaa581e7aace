package dev.herd.portal.version;

/**
 * The fallback for ecosystems without a known order: runs of digits compare as numbers, everything else as text,
 * separators ignored, a longer version newer when all shared parts are equal.
 */
public final class GenericVersionOrder implements VersionOrder {

    @Override
    public int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (true) {
            i = skipSeparators(a, i);
            j = skipSeparators(b, j);
            if (i >= a.length() || j >= b.length()) {
                return Boolean.compare(i < a.length(), j < b.length());
            }
            boolean digitsA = Character.isDigit(a.charAt(i));
            boolean digitsB = Character.isDigit(b.charAt(j));
            int endA = runEnd(a, i, digitsA);
            int endB = runEnd(b, j, digitsB);
            int order;
            if (digitsA && digitsB) {
                order = compareNumbers(a.substring(i, endA), b.substring(j, endB));
            } else if (digitsA != digitsB) {
                order = digitsA ? 1 : -1;
            } else {
                order = a.substring(i, endA).compareTo(b.substring(j, endB));
            }
            if (order != 0) {
                return Integer.signum(order);
            }
            i = endA;
            j = endB;
        }
    }

    @Override
    public String name() {
        return "generic";
    }

    private static int skipSeparators(String s, int at) {
        while (at < s.length() && !Character.isLetterOrDigit(s.charAt(at))) {
            at++;
        }
        return at;
    }

    private static int runEnd(String s, int at, boolean digits) {
        while (at < s.length()
                && Character.isLetterOrDigit(s.charAt(at))
                && Character.isDigit(s.charAt(at)) == digits) {
            at++;
        }
        return at;
    }

    static int compareNumbers(String x, String y) {
        String a = x.replaceFirst("^0+(?=.)", "");
        String b = y.replaceFirst("^0+(?=.)", "");
        return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
    }
}
