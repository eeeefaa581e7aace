package dev.herd.agent.inventory.apk;

import dev.herd.agent.inventory.InstalledPackage;
import dev.herd.agent.inventory.InventoryException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Parses Alpine's installed database ({@code /lib/apk/db/installed}): P name, V version, A arch, o origin. */
public final class ApkInstalledParser {

    public static final String INSTALLED_FILE = "lib/apk/db/installed";

    private ApkInstalledParser() {}

    public static List<InstalledPackage> parse(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file);
        } catch (IOException e) {
            throw new InventoryException(file, "cannot read: " + e.getMessage(), e);
        }
    }

    public static List<InstalledPackage> parse(String text, Path file) {
        List<InstalledPackage> packages = new ArrayList<>();
        Map<Character, String> fields = new HashMap<>();
        int start = 1;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i <= lines.length; i++) {
            String line = i < lines.length ? lines[i] : "";
            if (line.isEmpty()) {
                if (!fields.isEmpty()) {
                    packages.add(toPackage(fields, file, start));
                    fields.clear();
                }
                start = i + 2;
            } else if (line.length() < 2 || line.charAt(1) != ':') {
                throw new InventoryException(file, i + 1, "expected 'X:value', found '" + line + "'");
            } else {
                // Fields like F:, R:, Z: repeat per file; only the package-level ones matter here.
                fields.putIfAbsent(line.charAt(0), line.substring(2));
            }
        }
        return packages;
    }

    private static InstalledPackage toPackage(Map<Character, String> fields, Path file, int line) {
        String name = fields.get('P');
        String version = fields.get('V');
        if (name == null || version == null || name.isBlank() || version.isBlank()) {
            throw new InventoryException(file, line, "entry starting here has no P: or V: field (file truncated?)");
        }
        String origin = fields.getOrDefault('o', name);
        return new InstalledPackage(name, version, fields.getOrDefault('A', "noarch"), origin, version, "apk");
    }
}
