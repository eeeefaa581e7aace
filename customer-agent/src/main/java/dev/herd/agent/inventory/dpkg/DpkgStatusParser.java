package dev.herd.agent.inventory.dpkg;

import dev.herd.agent.inventory.InstalledPackage;
import dev.herd.agent.inventory.InventoryException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the dpkg status database ({@code /var/lib/dpkg/status}) into the packages that are installed. */
public final class DpkgStatusParser {

    public static final String STATUS_FILE = "var/lib/dpkg/status";

    private static final Pattern SOURCE = Pattern.compile("(\\S+)(?:\\s+\\((\\S+)\\))?");

    private DpkgStatusParser() {}

    public static List<InstalledPackage> parse(Path file) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(in, file);
        } catch (IOException e) {
            throw new InventoryException(file, "cannot read: " + e.getMessage(), e);
        }
    }

    public static List<InstalledPackage> parse(BufferedReader in, Path file) throws IOException {
        List<InstalledPackage> packages = new ArrayList<>();
        for (Stanza stanza : Deb822Reader.read(in, file)) {
            String name = required(stanza, "Package", file);
            String[] status = required(stanza, "Status", file).split("\\s+");
            if (status.length != 3) {
                throw new InventoryException(
                        file, stanza.line(), "package " + name + ": Status must be 'want flag state'");
            }
            // The state word decides whether files are on disk: "hold ok installed" is as installed as
            // "install ok installed"; config-files, half-installed, unpacked and not-installed are not.
            if (!status[2].equals("installed")) {
                continue;
            }
            String version = required(stanza, "Version", file);
            String architecture = required(stanza, "Architecture", file);
            packages.add(withSource(name, version, architecture, stanza.get("Source"), file, stanza.line()));
        }
        return packages;
    }

    private static InstalledPackage withSource(
            String name, String version, String architecture, String source, Path file, int line) {
        if (source == null || source.isBlank()) {
            return new InstalledPackage(name, version, architecture, name, version, "dpkg");
        }
        Matcher m = SOURCE.matcher(source.strip());
        if (!m.matches()) {
            throw new InventoryException(file, line, "package " + name + ": malformed Source '" + source + "'");
        }
        // A binNMU (version 1.2-3+b1) names its source's version in parentheses; without them they are equal.
        String sourceVersion = m.group(2) != null ? m.group(2) : version;
        return new InstalledPackage(name, version, architecture, m.group(1), sourceVersion, "dpkg");
    }

    private static String required(Stanza stanza, String field, Path file) {
        String value = stanza.get(field);
        if (value == null || value.isBlank()) {
            String which = stanza.get("Package") == null ? "entry" : "package " + stanza.get("Package");
            throw new InventoryException(
                    file, stanza.line(), which + " starting here has no " + field + " field (file truncated?)");
        }
        return value;
    }
}
