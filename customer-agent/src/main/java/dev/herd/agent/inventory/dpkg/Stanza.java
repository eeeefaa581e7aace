package dev.herd.agent.inventory.dpkg;

import java.util.Map;

/** One paragraph of a deb822 file: its fields (names lower-cased) and the line it starts on. */
public record Stanza(int line, Map<String, String> fields) {

    public String get(String field) {
        return fields.get(field.toLowerCase(java.util.Locale.ROOT));
    }
}
