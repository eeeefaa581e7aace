package dev.herd.testing.tenancy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The table of expected answers, one row per (operation, caller): {@code operation,caller,expected,note}, where
 * expected is {@code 2xx} or an exact status such as {@code 403}, and the note says why when that is not obvious.
 * Lines starting with {@code #} are comments; the ones at the top are kept when the table is recorded again.
 */
public final class ExpectedAnswers {

    /** One row: the expected answer and its note. */
    public record Row(String expected, String note) {}

    private final List<String> header = new ArrayList<>();
    private final Map<String, Row> rows = new LinkedHashMap<>();

    /** The table in {@code file}, empty when the file does not exist yet. */
    public static ExpectedAnswers read(Path file) {
        ExpectedAnswers table = new ExpectedAnswers();
        if (!Files.exists(file)) {
            return table;
        }
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith("#")) {
                    if (table.rows.isEmpty()) {
                        table.header.add(line);
                    }
                } else if (!line.isBlank()) {
                    String[] cells = line.split(",", 4);
                    if (cells.length < 3) {
                        throw new IllegalStateException(file + ": a row needs operation,caller,expected: " + line);
                    }
                    table.rows.put(
                            key(cells[0].strip(), cells[1].strip()),
                            new Row(cells[2].strip(), cells.length > 3 ? cells[3].strip() : ""));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return table;
    }

    /** The answer as the table writes it: {@code 2xx} for any success, else the status. */
    public static String answer(int status) {
        return status >= 200 && status < 300 ? "2xx" : Integer.toString(status);
    }

    public static String key(String operation, String caller) {
        return operation + "," + caller;
    }

    /** The row for the pair, or null when the table has none. */
    public Row get(String operation, String caller) {
        return rows.get(key(operation, caller));
    }

    /** The (operation,caller) keys of the table. */
    public java.util.Set<String> keys() {
        return rows.keySet();
    }

    /**
     * Writes {@code observed} (key to answer, in the order to write) to {@code file}, keeping this table's header and
     * the notes of rows whose answer did not change.
     */
    public void record(Path file, Map<String, String> observed) {
        List<String> lines = new ArrayList<>(header);
        if (lines.isEmpty()) {
            lines.add("# The tenancy matrix's expected answers (docs/testing.md): operation,caller,expected,note");
        }
        observed.forEach((key, answer) -> {
            Row old = rows.get(key);
            String note = old != null && old.expected().equals(answer) ? old.note() : "";
            lines.add(key + "," + answer + (note.isEmpty() ? "" : "," + note));
        });
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
