package dev.herd.agent.system;

import java.util.LinkedHashMap;
import java.util.Map;

/** Parses os-release(5): shell-style {@code KEY=value} lines with optional quotes and backslash escapes. */
public final class OsRelease {

    private OsRelease() {}

    public static Map<String, String> parse(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            int eq = line.indexOf('=');
            if (line.isEmpty() || line.startsWith("#") || eq <= 0) {
                continue;
            }
            values.put(line.substring(0, eq), unquote(line.substring(eq + 1)));
        }
        return values;
    }

    private static String unquote(String value) {
        if (value.length() >= 2
                && (value.charAt(0) == '"' || value.charAt(0) == '\'')
                && value.charAt(value.length() - 1) == value.charAt(0)) {
            String inner = value.substring(1, value.length() - 1);
            return value.charAt(0) == '"' ? inner.replaceAll("\\\\([\"\\\\$`])", "$1") : inner;
        }
        return value;
    }
}
