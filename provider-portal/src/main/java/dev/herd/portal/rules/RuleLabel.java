package dev.herd.portal.rules;

/**
 * The text that names a rule in rendered comments and messages, {@code herd:<number> <advisory id>}: the advisory
 * id keeps only {@code [A-Za-z0-9._:-]} (anything else becomes {@code _}) so it can never close a quoted string
 * or start new syntax, and it is cut so the whole label fits nftables' 128-byte comment limit.
 */
final class RuleLabel {

    static final int MAX_ADVISORY_LENGTH = 100;

    private RuleLabel() {}

    static String of(FilterRule rule) {
        return "herd:" + rule.number() + " " + safe(rule.advisoryId(), MAX_ADVISORY_LENGTH);
    }

    /** {@code text} reduced to {@code [A-Za-z0-9._:-]}, at most {@code max} characters. */
    static String safe(String text, int max) {
        int length = Math.min(text.length(), max);
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '.'
                    || c == '_'
                    || c == ':'
                    || c == '-';
            out.append(allowed ? c : '_');
        }
        return out.toString();
    }
}
