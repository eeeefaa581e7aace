package dev.herd.agent.inventory.dpkg;

import dev.herd.agent.inventory.InventoryException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads deb822 paragraphs (the dpkg status format), rejecting any line that is neither a field nor a continuation. */
public final class Deb822Reader {

    private Deb822Reader() {}

    public static List<Stanza> read(BufferedReader in, Path file) throws IOException {
        List<Stanza> stanzas = new ArrayList<>();
        Map<String, String> fields = new LinkedHashMap<>();
        String current = null;
        int start = 0;
        int number = 0;
        String line;
        while ((line = in.readLine()) != null) {
            number++;
            if (line.isBlank()) {
                if (!fields.isEmpty()) {
                    stanzas.add(new Stanza(start, fields));
                    fields = new LinkedHashMap<>();
                }
                current = null;
            } else if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
                if (current == null) {
                    throw new InventoryException(file, number, "continuation line without a field before it");
                }
                fields.merge(current, "\n" + line.substring(1), String::concat);
            } else {
                int colon = line.indexOf(':');
                if (colon <= 0 || line.substring(0, colon).contains(" ")) {
                    throw new InventoryException(
                            file, number, "expected 'Field: value', found '" + abbreviate(line) + "'");
                }
                if (fields.isEmpty()) {
                    start = number;
                }
                current = line.substring(0, colon).toLowerCase(Locale.ROOT);
                if (fields.containsKey(current)) {
                    throw new InventoryException(file, number, "field '" + line.substring(0, colon) + "' repeated");
                }
                fields.put(current, line.substring(colon + 1).strip());
            }
        }
        if (!fields.isEmpty()) {
            stanzas.add(new Stanza(start, fields));
        }
        return stanzas;
    }

    private static String abbreviate(String line) {
        return line.length() > 60 ? line.substring(0, 60) + "…" : line;
    }
}
