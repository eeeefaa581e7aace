package dev.herd.portal.ui;

import dev.herd.contracts.problem.HerdException;
import dev.herd.portal.interconnection.InterconnectionView;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The settings page's interconnection form, both ways: one partner policy a line, {@code partner max-vulnerability
 * max-risk [trusted]} ({@code globex 60 55 trusted}; {@code -} for no limit), read back into the policies {@code PUT
 * /api/tenants/{t}/interconnections} takes. A line that does not read is a 400 naming the line.
 */
final class InterconnectionForm {

    static final int MAX_LINES = 200;

    private InterconnectionForm() {}

    /** The tenant's policies as the form's text. */
    static String text(List<InterconnectionView> policies) {
        StringBuilder text = new StringBuilder();
        for (InterconnectionView p : policies) {
            text.append(p.partner())
                    .append(' ')
                    .append(limit(p.maxVulnerabilityDeviation()))
                    .append(' ')
                    .append(limit(p.maxRiskDeviation()));
            if (p.requireTrusted()) {
                text.append(" trusted");
            }
            text.append('\n');
        }
        return text.toString();
    }

    /** The form's text as policies; the thresholds' range and the partners are checked by the service. */
    static List<InterconnectionView.Policy> policies(String text) {
        List<InterconnectionView.Policy> policies = new ArrayList<>();
        String[] lines = text == null ? new String[0] : text.split("\\R");
        if (lines.length > MAX_LINES) {
            throw invalid("at most " + MAX_LINES + " partners, one a line.");
        }
        int number = 0;
        for (String line : lines) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            String[] words = line.strip().split("\\s+");
            boolean trusted =
                    words.length == 4 && words[3].toLowerCase(Locale.ROOT).equals("trusted");
            if (words.length != 3 && !trusted) {
                throw invalid("line " + number + " ('" + shorten(line) + "') must read 'partner max-vulnerability "
                        + "max-risk' and optionally 'trusted', e.g. 'globex 60 55 trusted' ('-' for no limit).");
            }
            policies.add(new InterconnectionView.Policy(
                    words[0], number(words[1], number, "vulnerability"), number(words[2], number, "risk"), trusted));
        }
        return policies;
    }

    private static Double number(String word, int line, String which) {
        if (word.equals("-")) {
            return null;
        }
        try {
            return Double.valueOf(word);
        } catch (NumberFormatException e) {
            throw invalid("line " + line + ": the maximum " + which + " deviation '" + shorten(word)
                    + "' is not a number (or '-' for no limit).");
        }
    }

    private static String limit(Double value) {
        if (value == null) {
            return "-";
        }
        return value == Math.rint(value) ? String.valueOf(value.longValue()) : value.toString();
    }

    private static String shorten(String text) {
        String stripped = text.strip();
        return stripped.length() > 60 ? stripped.substring(0, 60) + "…" : stripped;
    }

    private static HerdException invalid(String detail) {
        return HerdException.badRequest("interconnection-invalid", "interconnections: " + detail);
    }
}
