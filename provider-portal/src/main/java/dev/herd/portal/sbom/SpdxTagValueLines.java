package dev.herd.portal.sbom;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lines of an SPDX tag-value document as tags: {@code Tag: value} per line, a value spanning lines between
 * {@code <text>} and {@code </text>}, blank lines and {@code #} comments skipped. A line that is none of these is a 400
 * naming it.
 */
final class SpdxTagValueLines {

    private static final Pattern TAG = Pattern.compile("([A-Za-z][A-Za-z0-9]*):[ \\t]*(.*)");
    private static final String OPEN = "<text>";
    private static final String CLOSE = "</text>";

    /** One tag, on the line it starts on (1-based), with its value (the text between the marks for {@code <text>}). */
    record Tag(int line, String name, String value) {}

    private SpdxTagValueLines() {}

    static List<Tag> parse(String text) {
        String[] lines = text.split("\r?\n|\r", -1);
        List<Tag> tags = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Matcher tag = TAG.matcher(line);
            if (!tag.matches()) {
                throw SbomProblems.notTagValue(i + 1, "expected 'Tag: value', found '" + shortened(line) + "'.");
            }
            String value = tag.group(2).strip();
            int start = i;
            if (value.startsWith(OPEN)) {
                StringBuilder multi = new StringBuilder(value.substring(OPEN.length()));
                while (multi.indexOf(CLOSE) < 0) {
                    if (++i == lines.length) {
                        throw SbomProblems.notTagValue(start + 1, tag.group(1) + "'s <text> is never closed.");
                    }
                    multi.append('\n').append(lines[i]);
                }
                int close = multi.indexOf(CLOSE);
                if (!multi.substring(close + CLOSE.length()).isBlank()) {
                    throw SbomProblems.notTagValue(i + 1, "text after </text>.");
                }
                value = multi.substring(0, close);
            } else if (value.isEmpty()) {
                throw SbomProblems.notTagValue(i + 1, tag.group(1) + " has no value.");
            }
            tags.add(new Tag(start + 1, tag.group(1), value));
        }
        return tags;
    }

    private static String shortened(String line) {
        return line.length() <= 80 ? line : line.substring(0, 80) + "…";
    }
}
