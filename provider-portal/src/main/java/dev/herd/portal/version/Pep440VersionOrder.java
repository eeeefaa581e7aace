package dev.herd.portal.version;

import java.util.Locale;

/**
 * PyPI's version order, PEP 440 as the {@code packaging} library implements it: epoch, release (trailing zeros
 * ignored), then {@code .devN < aN < bN < rcN <} release {@code < .postN}, a local version ({@code +ubuntu1}) after
 * the same public version. Spellings are normalised ({@code alpha}, {@code c}, {@code pre}, {@code -1}, {@code rev},
 * separators, case, a leading {@code v}). Strings that are not PEP 440 versions sort before all valid ones, among
 * themselves in the {@link GenericVersionOrder}.
 */
public final class Pep440VersionOrder implements VersionOrder {

    private static final GenericVersionOrder INVALID_ORDER = new GenericVersionOrder();

    @Override
    public int compare(String a, String b) {
        Pep440Version x = Pep440Version.parse(a);
        Pep440Version y = Pep440Version.parse(b);
        if (x == null || y == null) {
            return x == null ? (y == null ? INVALID_ORDER.compare(a, b) : -1) : 1;
        }
        return x.compareTo(y);
    }

    @Override
    public String name() {
        return "pep440";
    }

    /** One parsed version; numbers beyond 18 digits saturate, which only matters for absurd versions. */
    static final class Pep440Version implements Comparable<Pep440Version> {
        // Pre-release kinds; NO_PRE sorts after all of them, DEV_ONLY (1.0.dev1) before.
        private static final int DEV_ONLY = -1;
        private static final int ALPHA = 0;
        private static final int BETA = 1;
        private static final int RC = 2;
        private static final int NO_PRE = 3;

        private final String text;
        private long epoch;
        private long[] release = new long[4];
        private int releaseLength;
        private int preKind = NO_PRE;
        private long preNumber;
        private long post = -1;
        private long dev = Long.MAX_VALUE;
        private int localStart = -1;
        private int at;

        private Pep440Version(String text) {
            this.text = text;
        }

        /** Parses like packaging's VERSION_PATTERN; null when the text is not a PEP 440 version. */
        static Pep440Version parse(String raw) {
            Pep440Version v = new Pep440Version(raw.strip().toLowerCase(Locale.ROOT));
            return v.parse() ? v : null;
        }

        private boolean parse() {
            if (peek() == 'v') {
                at++;
            }
            int digitsEnd = digitsEnd(at);
            if (digitsEnd == at) {
                return false;
            }
            if (digitsEnd < text.length() && text.charAt(digitsEnd) == '!') {
                epoch = number(at, digitsEnd);
                at = digitsEnd + 1;
                digitsEnd = digitsEnd(at);
                if (digitsEnd == at) {
                    return false;
                }
            }
            addRelease(number(at, digitsEnd));
            at = digitsEnd;
            while (peek() == '.' && digitsEnd(at + 1) > at + 1) {
                digitsEnd = digitsEnd(at + 1);
                addRelease(number(at + 1, digitsEnd));
                at = digitsEnd;
            }
            parsePre();
            parsePost();
            parseDev();
            if (preKind == NO_PRE && post < 0 && dev != Long.MAX_VALUE) {
                preKind = DEV_ONLY;
            }
            if (peek() == '+') {
                localStart = ++at;
                if (!parseLocal()) {
                    return false;
                }
            }
            return at == text.length();
        }

        private void parsePre() {
            int p = skipSeparator(at);
            int kind;
            int end;
            if (text.startsWith("alpha", p)) {
                kind = ALPHA;
                end = p + 5;
            } else if (text.startsWith("a", p)) {
                kind = ALPHA;
                end = p + 1;
            } else if (text.startsWith("beta", p)) {
                kind = BETA;
                end = p + 4;
            } else if (text.startsWith("b", p)) {
                kind = BETA;
                end = p + 1;
            } else if (text.startsWith("preview", p)) {
                kind = RC;
                end = p + 7;
            } else if (text.startsWith("pre", p)) {
                kind = RC;
                end = p + 3;
            } else if (text.startsWith("c", p)) {
                kind = RC;
                end = p + 1;
            } else if (text.startsWith("rc", p)) {
                kind = RC;
                end = p + 2;
            } else {
                return;
            }
            preKind = kind;
            at = optionalNumber(end);
            preNumber = lastNumber;
        }

        private void parsePost() {
            if (peek() == '-' && digitsEnd(at + 1) > at + 1) {
                int end = digitsEnd(at + 1);
                post = number(at + 1, end);
                at = end;
                return;
            }
            int p = skipSeparator(at);
            int end;
            if (text.startsWith("post", p)) {
                end = p + 4;
            } else if (text.startsWith("rev", p)) {
                end = p + 3;
            } else if (text.startsWith("r", p)) {
                end = p + 1;
            } else {
                return;
            }
            at = optionalNumber(end);
            post = lastNumber;
        }

        private void parseDev() {
            int p = skipSeparator(at);
            if (text.startsWith("dev", p)) {
                at = optionalNumber(p + 3);
                dev = lastNumber;
            }
        }

        private boolean parseLocal() {
            while (true) {
                int start = at;
                while (at < text.length() && isAlphanumeric(text.charAt(at))) {
                    at++;
                }
                if (at == start) {
                    return false;
                }
                if (at == text.length()) {
                    return true;
                }
                if (!isSeparator(text.charAt(at))) {
                    return false;
                }
                at++;
            }
        }

        private long lastNumber;

        /** After a pre/post/dev label: an optional separator and number (0 when absent); returns the new position. */
        private int optionalNumber(int p) {
            int q = skipSeparator(p);
            int end = digitsEnd(q);
            if (end > q) {
                lastNumber = number(q, end);
                return end;
            }
            lastNumber = 0;
            // A separator with no number after it still belongs to this part (packaging accepts "1.0a.").
            return q;
        }

        private void addRelease(long value) {
            if (releaseLength == release.length) {
                release = java.util.Arrays.copyOf(release, releaseLength * 2);
            }
            release[releaseLength++] = value;
        }

        @Override
        public int compareTo(Pep440Version o) {
            int order = Long.compare(epoch, o.epoch);
            if (order != 0) {
                return order;
            }
            int lengthA = trimmedLength();
            int lengthB = o.trimmedLength();
            for (int k = 0; k < Math.min(lengthA, lengthB); k++) {
                order = Long.compare(release[k], o.release[k]);
                if (order != 0) {
                    return order;
                }
            }
            order = Integer.compare(lengthA, lengthB);
            if (order != 0) {
                return order;
            }
            order = Integer.compare(preKind, o.preKind);
            if (order != 0) {
                return order;
            }
            if (preKind == ALPHA || preKind == BETA || preKind == RC) {
                order = Long.compare(preNumber, o.preNumber);
                if (order != 0) {
                    return order;
                }
            }
            order = Long.compare(post, o.post);
            if (order != 0) {
                return order;
            }
            order = Long.compare(dev, o.dev);
            if (order != 0) {
                return order;
            }
            return compareLocal(o);
        }

        private int trimmedLength() {
            int length = releaseLength;
            while (length > 0 && release[length - 1] == 0) {
                length--;
            }
            return length;
        }

        /** No local version first; then segment by segment, numbers after strings, a longer one later. */
        private int compareLocal(Pep440Version o) {
            if (localStart < 0 || o.localStart < 0) {
                return Boolean.compare(localStart >= 0, o.localStart >= 0);
            }
            int i = localStart;
            int j = o.localStart;
            while (i < text.length() && j < o.text.length()) {
                int endA = segmentEnd(text, i);
                int endB = segmentEnd(o.text, j);
                boolean numericA = digitsEnd(text, i) == endA;
                boolean numericB = digitsEnd(o.text, j) == endB;
                int order;
                if (numericA && numericB) {
                    order = SemverVersionOrder.compareNumbers(text, i, endA, o.text, j, endB);
                } else if (numericA != numericB) {
                    order = numericA ? 1 : -1;
                } else {
                    order = SemverVersionOrder.compareAscii(text, i, endA, o.text, j, endB);
                }
                if (order != 0) {
                    return order;
                }
                i = endA + 1;
                j = endB + 1;
            }
            return Boolean.compare(i < text.length(), j < o.text.length());
        }

        private static int segmentEnd(String s, int at) {
            while (at < s.length() && !isSeparator(s.charAt(at))) {
                at++;
            }
            return at;
        }

        private char peek() {
            return at < text.length() ? text.charAt(at) : 0;
        }

        private int skipSeparator(int p) {
            return p < text.length() && isSeparator(text.charAt(p)) ? p + 1 : p;
        }

        private int digitsEnd(int p) {
            return digitsEnd(text, p);
        }

        private static int digitsEnd(String s, int p) {
            while (p < s.length() && s.charAt(p) >= '0' && s.charAt(p) <= '9') {
                p++;
            }
            return p;
        }

        private long number(int start, int end) {
            long value = 0;
            for (int k = start; k < end; k++) {
                value = value > Long.MAX_VALUE / 10 - 10 ? Long.MAX_VALUE - 1 : value * 10 + (text.charAt(k) - '0');
            }
            return value;
        }

        private static boolean isSeparator(char c) {
            return c == '.' || c == '-' || c == '_';
        }

        private static boolean isAlphanumeric(char c) {
            return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        }
    }
}
