package dev.herd.hub.source;

import dev.herd.hub.HubConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/** Reads the files a pull needs, from local paths ({@code file:} URLs or plain paths) or over http(s). */
@ApplicationScoped
public class SourceFetcher {

    private final HttpClient http;
    private final Duration timeout;

    public SourceFetcher(HubConfig config) {
        this.timeout = config.pull().httpTimeout();
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /** The location as a URI: http(s) and file URLs as they are, a plain path as a file URL. */
    static URI toUri(String location) {
        String lower = location.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("file:")) {
            return URI.create(location);
        }
        return Path.of(location).toAbsolutePath().normalize().toUri();
    }

    static boolean isLocal(URI uri) {
        return "file".equalsIgnoreCase(uri.getScheme());
    }

    public byte[] fetch(URI uri) throws IOException {
        return fetchIfPresent(uri)
                .orElseThrow(() -> new IOException(
                        isLocal(uri) ? Path.of(uri) + " does not exist." : "GET " + uri + " answered HTTP 404."));
    }

    /** The content, or empty if there is no such file (a local file missing, or 404 over http). */
    public Optional<byte[]> fetchIfPresent(URI uri) throws IOException {
        if (isLocal(uri)) {
            try {
                return Optional.of(Files.readAllBytes(Path.of(uri)));
            } catch (NoSuchFileException e) {
                return Optional.empty();
            }
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IOException("Cannot read " + uri + ": only http(s) and local files are supported.");
        }
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while fetching " + uri + ".", e);
        } catch (IOException e) {
            throw new IOException("GET " + uri + " failed: " + e, e);
        }
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            throw new IOException("GET " + uri + " answered HTTP " + response.statusCode() + ".");
        }
        return Optional.of(response.body());
    }
}
