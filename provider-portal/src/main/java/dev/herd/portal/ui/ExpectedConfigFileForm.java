package dev.herd.portal.ui;

import dev.herd.contracts.problem.HerdException;
import dev.herd.portal.audit.ExpectedEntries;
import dev.herd.portal.audit.ExpectedPermissions;
import dev.herd.portal.audit.ExpectedPermissions.Expected;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The configuration files page's form of the tenant's expected permissions, both ways: one file a line, {@code path
 * mode owner:group} ({@code /etc/hosts 0644 root:root}), read into what {@code PUT
 * /api/tenants/{t}/expected-config-files} takes. A line that does not read is a 400 naming the line.
 */
final class ExpectedConfigFileForm {

    static final int MAX_LINES = 100;

    private static final Pattern PATH = Pattern.compile("/[^\\p{Cntrl}\\s]{0,1023}");
    private static final Pattern MODE = Pattern.compile("0?[0-7]{3}");
    private static final Pattern NAME = Pattern.compile(ExpectedPermissions.NAME);

    private ExpectedConfigFileForm() {}

    /** The tenant's own entries as the form's text. */
    static String text(List<Expected> entries) {
        StringBuilder text = new StringBuilder();
        for (Expected e : entries) {
            text.append(e.path())
                    .append(' ')
                    .append(e.mode())
                    .append(' ')
                    .append(e.owner())
                    .append(':')
                    .append(e.group())
                    .append('\n');
        }
        return text.toString();
    }

    /** The form's text as entries; empty lines are skipped, so an empty text removes the tenant's own entries. */
    static ExpectedEntries entries(String text) {
        String[] lines = text == null ? new String[0] : text.split("\\R");
        List<Expected> entries = new ArrayList<>();
        int number = 0;
        for (String line : lines) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            if (entries.size() == MAX_LINES) {
                throw invalid("at most " + MAX_LINES + " files, one a line.");
            }
            String[] words = line.strip().split("\\s+");
            String[] ownership = words.length == 3 ? words[2].split(":", -1) : new String[0];
            if (ownership.length != 2) {
                throw invalid("line " + number + " ('" + shorten(line) + "') must read 'path mode owner:group', e.g. "
                        + "'/etc/hosts 0644 root:root'.");
            }
            if (!PATH.matcher(words[0]).matches()) {
                throw invalid("line " + number + ": the path '" + shorten(words[0]) + "' is not absolute (or is "
                        + "longer than 1024 characters).");
            }
            if (!MODE.matcher(words[1]).matches()) {
                throw invalid("line " + number + ": the mode '" + shorten(words[1]) + "' is not octal, e.g. 0644.");
            }
            for (String name : ownership) {
                if (!NAME.matcher(name).matches()) {
                    throw invalid("line " + number + ": '" + shorten(name) + "' is not a user or group name.");
                }
            }
            String mode = words[1].length() == 3 ? "0" + words[1] : words[1];
            entries.add(new Expected(words[0], mode, ownership[0], ownership[1]));
        }
        return new ExpectedEntries(entries);
    }

    private static String shorten(String text) {
        String stripped = text.strip();
        return stripped.length() > 60 ? stripped.substring(0, 60) + "…" : stripped;
    }

    private static HerdException invalid(String detail) {
        return HerdException.badRequest("expected-config-files-invalid", "expected permissions: " + detail);
    }
}
