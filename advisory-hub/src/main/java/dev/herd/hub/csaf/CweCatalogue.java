package dev.herd.hub.csaf;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The MITRE CWE weaknesses shipped with the hub ({@code cwe/cwe-names.tsv}, source and licence in {@code
 * cwe/SOURCE.md}): every weakness id with its current name and the names it had in earlier catalogue versions.
 */
final class CweCatalogue {

    private static final String RESOURCE = "/cwe/cwe-names.tsv";

    private static final CweCatalogue SHIPPED = load();

    private final Map<String, List<String>> namesById;

    private CweCatalogue(Map<String, List<String>> namesById) {
        this.namesById = Map.copyOf(namesById);
    }

    /** The catalogue on the hub's class path, read once. */
    static CweCatalogue shipped() {
        return SHIPPED;
    }

    /** How many weaknesses the catalogue knows. */
    int size() {
        return namesById.size();
    }

    /** The current name of {@code id} (e.g. {@code CWE-79}), or empty if no catalogue version has that weakness. */
    Optional<String> currentName(String id) {
        List<String> names = namesById.get(id);
        return names == null ? Optional.empty() : Optional.of(names.get(0));
    }

    /** Whether {@code name} is, or once was, the catalogue's name of weakness {@code id}. */
    boolean isNameOf(String id, String name) {
        List<String> names = namesById.get(id);
        return names != null && names.contains(name);
    }

    private static CweCatalogue load() {
        Map<String, List<String>> names = new HashMap<>();
        try (InputStream in = CweCatalogue.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The CWE catalogue " + RESOURCE + " is not on the class path");
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String[] fields = line.split("\t");
                names.put("CWE-" + fields[0], List.copyOf(Arrays.asList(fields).subList(1, fields.length)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new CweCatalogue(names);
    }
}
