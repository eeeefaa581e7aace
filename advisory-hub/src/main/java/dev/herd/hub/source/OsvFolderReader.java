package dev.herd.hub.source;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** Lists the OSV files of a local folder (with its subfolders), or of a {@code .zip}, local or over http(s). */
@ApplicationScoped
public class OsvFolderReader {

    /** Largest single file read from a zip: a bound against zip bombs. */
    private static final int MAX_ENTRY_BYTES = 64 * 1024 * 1024;

    private final SourceFetcher fetcher;

    public OsvFolderReader(SourceFetcher fetcher) {
        this.fetcher = fetcher;
    }

    List<SourceItem> items(URI location) throws IOException {
        if (location.getPath() != null
                && location.getPath().toLowerCase(Locale.ROOT).endsWith(".zip")) {
            return zipEntries(location, fetcher.fetch(location));
        }
        if (!SourceFetcher.isLocal(location)) {
            throw new IOException("An OSV folder over http(s) must be a .zip of the records: " + location);
        }
        Path folder = Path.of(location);
        if (!Files.isDirectory(folder)) {
            throw new IOException(folder + " is not a folder.");
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> isJson(file.getFileName().toString()))
                    .sorted()
                    .map(file -> new SourceItem(file.toUri().toString(), () -> Files.readAllBytes(file), null))
                    .toList();
        }
    }

    private static List<SourceItem> zipEntries(URI zip, byte[] bytes) throws IOException {
        List<SourceItem> items = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (entry.isDirectory() || !isJson(entry.getName())) {
                    continue;
                }
                byte[] content = in.readNBytes(MAX_ENTRY_BYTES + 1);
                if (content.length > MAX_ENTRY_BYTES) {
                    throw new IOException(
                            entry.getName() + " in " + zip + " is larger than " + MAX_ENTRY_BYTES + " bytes.");
                }
                items.add(new SourceItem(zip + "!/" + entry.getName(), () -> content, null));
            }
        }
        if (items.isEmpty()) {
            throw new IOException(zip + " holds no .json file (or is not a zip).");
        }
        return items;
    }

    private static boolean isJson(String name) {
        return name.toLowerCase(Locale.ROOT).endsWith(".json");
    }
}
