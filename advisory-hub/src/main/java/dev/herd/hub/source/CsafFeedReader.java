package dev.herd.hub.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lists a CSAF provider's documents: provider-metadata.json names ROLIE feeds ({@code distributions[].rolie.feeds[]
 * .url}), each feed entry names a document ({@code content.src}) and its hash and signature files ({@code link}s
 * with rel {@code hash} and {@code signature}). Relative URLs resolve against the file that names them.
 */
@ApplicationScoped
public class CsafFeedReader {

    private final SourceFetcher fetcher;
    private final ObjectMapper json;

    public CsafFeedReader(SourceFetcher fetcher, ObjectMapper json) {
        this.fetcher = fetcher;
        this.json = json;
    }

    /** The documents of every feed; a feed that cannot be read is an error of the run, the others still count. */
    List<SourceItem> items(URI metadataUri, PullRun run) throws IOException {
        JsonNode metadata = readJson(metadataUri);
        List<URI> feeds = new ArrayList<>();
        for (JsonNode distribution : metadata.path("distributions")) {
            for (JsonNode feed : distribution.path("rolie").path("feeds")) {
                String url = feed.path("url").asText("");
                if (!url.isBlank()) {
                    feeds.add(metadataUri.resolve(url));
                }
            }
        }
        if (feeds.isEmpty()) {
            throw new IOException(metadataUri + " names no ROLIE feed (distributions[].rolie.feeds[].url);"
                    + " directory-based distributions are not read.");
        }
        Map<URI, SourceItem> items = new LinkedHashMap<>();
        int feedsRead = 0;
        for (URI feedUri : feeds) {
            try {
                readFeed(feedUri, run)
                        .forEach(item -> items.putIfAbsent(item.csaf().document(), item));
                feedsRead++;
            } catch (IOException | RuntimeException e) {
                run.error(feedUri.toString(), "feed-unreadable", e.getMessage());
            }
        }
        if (feedsRead == 0) {
            throw new IOException("None of the ROLIE feeds of " + metadataUri + " could be read.");
        }
        return List.copyOf(items.values());
    }

    private List<SourceItem> readFeed(URI feedUri, PullRun run) throws IOException {
        JsonNode feed = readJson(feedUri).path("feed");
        if (!feed.isObject()) {
            throw new IOException(feedUri + " is not a ROLIE feed: it has no 'feed' object.");
        }
        List<SourceItem> items = new ArrayList<>();
        for (JsonNode entry : feed.path("entry")) {
            String src = entry.path("content").path("src").asText("");
            if (src.isBlank()) {
                run.error(
                        feedUri.toString(),
                        "feed-entry-without-document",
                        "Entry '" + entry.path("id").asText("?") + "' has no content.src.");
                continue;
            }
            URI document = feedUri.resolve(src);
            List<URI> hashes = new ArrayList<>();
            URI signature = null;
            for (JsonNode link : entry.path("link")) {
                String href = link.path("href").asText("");
                if (href.isBlank()) {
                    continue;
                }
                switch (link.path("rel").asText("")) {
                    case "hash" -> hashes.add(feedUri.resolve(href));
                    case "signature" -> signature = feedUri.resolve(href);
                    default -> {}
                }
            }
            items.add(new SourceItem(
                    document.toString(),
                    () -> fetcher.fetch(document),
                    new SourceItem.CsafLinks(document, hashes, signature)));
        }
        return items;
    }

    private JsonNode readJson(URI uri) throws IOException {
        byte[] bytes = fetcher.fetch(uri);
        try {
            return json.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new IOException(uri + " is not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
