package dev.herd.portal.version;

/**
 * Alpine's version order, as apk-tools (2.14 and 3.x, src/version.c) decides it for
 * {@code digit{.digit}...{letter}{_suffix{number}}...{~hash}{-r#}}: numbers as numbers (string order when either has a
 * leading zero after a dot), {@code _alpha < _beta < _pre < _rc <} nothing {@code < _cvs < _svn < _git < _hg < _p}.
 * Where the text stops following that grammar, the version ends in an "invalid" token that sorts after everything.
 */
public final class ApkVersionOrder implements VersionOrder {

    // Token kinds in apk's order; a longer version is older when its next token kind is greater.
    private static final int INITIAL_DIGIT = 0;
    private static final int DIGIT = 1;
    private static final int LETTER = 2;
    private static final int SUFFIX = 3;
    private static final int SUFFIX_NO = 4;
    private static final int COMMIT_HASH = 5;
    private static final int REVISION_NO = 6;
    private static final int END = 7;
    private static final int INVALID = 8;

    // Suffix values: the pre-release ones are below NONE.
    private static final int SUFFIX_INVALID = 0;
    private static final int SUFFIX_NONE = 5;
    private static final String[] SUFFIXES = {"", "alpha", "beta", "pre", "rc", "", "cvs", "svn", "git", "hg", "p"};

    @Override
    public int compare(String a, String b) {
        Tokens ta = new Tokens(a);
        Tokens tb = new Tokens(b);
        ta.first();
        tb.first();
        while (ta.token == tb.token && ta.token < END) {
            int order = compareTokens(ta, tb);
            if (order != 0) {
                return order;
            }
            ta.next();
            tb.next();
        }
        if (ta.token == tb.token) {
            return 0;
        }
        if (ta.token == SUFFIX && ta.suffix < SUFFIX_NONE) {
            return -1;
        }
        if (tb.token == SUFFIX && tb.suffix < SUFFIX_NONE) {
            return 1;
        }
        return ta.token > tb.token ? -1 : 1;
    }

    @Override
    public String name() {
        return "apk";
    }

    private static int compareTokens(Tokens ta, Tokens tb) {
        switch (ta.token) {
            case DIGIT:
                if (ta.text.charAt(ta.start) == '0' || tb.text.charAt(tb.start) == '0') {
                    // A leading zero makes it a string comparison, like Gentoo's rule for fractional parts.
                    return compareText(ta, tb);
                }
                return Long.compareUnsigned(ta.number, tb.number);
            case INITIAL_DIGIT, SUFFIX_NO, REVISION_NO:
                return Long.compareUnsigned(ta.number, tb.number);
            case LETTER:
                return Integer.signum(ta.text.charAt(ta.start) - tb.text.charAt(tb.start));
            case SUFFIX:
                return Integer.compare(ta.suffix, tb.suffix);
            default:
                return compareText(ta, tb);
        }
    }

    private static int compareText(Tokens ta, Tokens tb) {
        int i = ta.start;
        int j = tb.start;
        while (i < ta.end && j < tb.end) {
            char ca = ta.text.charAt(i++);
            char cb = tb.text.charAt(j++);
            if (ca != cb) {
                return ca < cb ? -1 : 1;
            }
        }
        return Integer.compare(ta.end - ta.start, tb.end - tb.start);
    }

    /** apk's token_state: walks one version string token by token. */
    private static final class Tokens {
        final String text;
        int at;
        int token;
        int suffix;
        long number;
        int start;
        int end;

        Tokens(String text) {
            this.text = text;
        }

        void first() {
            token = INITIAL_DIGIT;
            digits();
        }

        void next() {
            if (at >= text.length()) {
                token = END;
                return;
            }
            char c = text.charAt(at);
            if (c >= 'a' && c <= 'z') {
                if (token > DIGIT) {
                    token = INVALID;
                    return;
                }
                start = at;
                end = ++at;
                token = LETTER;
            } else if (c == '.' || isDigit(c)) {
                if (c == '.') {
                    if (token > DIGIT) {
                        token = INVALID;
                        return;
                    }
                    at++;
                }
                if (token == INITIAL_DIGIT || token == DIGIT) {
                    token = DIGIT;
                } else if (token == SUFFIX) {
                    token = SUFFIX_NO;
                } else {
                    token = INVALID;
                    return;
                }
                digits();
            } else if (c == '_') {
                if (token > SUFFIX_NO) {
                    token = INVALID;
                    return;
                }
                start = ++at;
                while (at < text.length() && text.charAt(at) >= 'a' && text.charAt(at) <= 'z') {
                    at++;
                }
                end = at;
                suffix = suffixValue();
                token = suffix == SUFFIX_INVALID ? INVALID : SUFFIX;
            } else if (c == '~') {
                if (token >= COMMIT_HASH) {
                    token = INVALID;
                    return;
                }
                start = ++at;
                while (at < text.length() && isHexDigit(text.charAt(at))) {
                    at++;
                }
                end = at;
                token = end == start ? INVALID : COMMIT_HASH;
            } else if (c == '-') {
                if (token >= REVISION_NO || at + 1 >= text.length() || text.charAt(at + 1) != 'r') {
                    token = INVALID;
                    return;
                }
                at += 2;
                token = REVISION_NO;
                digits();
            } else {
                token = INVALID;
            }
        }

        private void digits() {
            start = at;
            long value = 0;
            while (at < text.length() && isDigit(text.charAt(at))) {
                value = value * 10 + (text.charAt(at++) - '0');
            }
            number = value;
            end = at;
            if (end == start) {
                token = INVALID;
            }
        }

        private int suffixValue() {
            int length = end - start;
            for (int k = 1; k < SUFFIXES.length; k++) {
                String candidate = SUFFIXES[k];
                if (k != SUFFIX_NONE
                        && candidate.length() == length
                        && text.regionMatches(start, candidate, 0, length)) {
                    return k;
                }
            }
            return SUFFIX_INVALID;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isHexDigit(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'f');
    }
}
