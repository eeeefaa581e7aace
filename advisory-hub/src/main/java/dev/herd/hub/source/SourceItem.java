package dev.herd.hub.source;

import java.io.IOException;
import java.net.URI;
import java.util.List;

/**
 * One file a pull found: where it is (the key of incremental pulls), how to read it and, for a CSAF document, the
 * integrity files the feed names for it.
 */
record SourceItem(String location, Content content, CsafLinks csaf) {

    /** Reads the file's bytes. */
    @FunctionalInterface
    interface Content {
        byte[] read() throws IOException;
    }

    /** The hash files (empty: look for .sha256/.sha512 beside it) and signature (null: .asc beside it). */
    record CsafLinks(URI document, List<URI> hashes, URI signature) {}
}
