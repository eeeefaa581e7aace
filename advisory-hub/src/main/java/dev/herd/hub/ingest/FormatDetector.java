package dev.herd.hub.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herd.hub.advisory.AdvisoryStatement;
import dev.herd.hub.advisory.DocumentFormat;
import java.util.Optional;

/** Tells the format of a document from its content: each format has fields no other format has at the top. */
public final class FormatDetector {

    private FormatDetector() {}

    public static Optional<DocumentFormat> detect(JsonNode document) {
        if (!document.isObject()) {
            return Optional.empty();
        }
        if (AdvisoryStatement.FORMAT_MARKER.equals(document.path("format").asText(null))) {
            return Optional.of(DocumentFormat.HERD);
        }
        if (document.path("document").has("csaf_version")) {
            return Optional.of(DocumentFormat.CSAF);
        }
        if (document.has("catalogVersion") && document.has("vulnerabilities")) {
            return Optional.of(DocumentFormat.KEV);
        }
        if (document.has("id") && document.has("modified")) {
            return Optional.of(DocumentFormat.OSV);
        }
        return Optional.empty();
    }

    /** The document's own id, where its format has one (for error reports and the rejection log). */
    public static String documentId(JsonNode document) {
        String csaf = document.path("document").path("tracking").path("id").asText(null);
        if (csaf != null) {
            return csaf;
        }
        if (document.has("catalogVersion")) {
            return "KEV-" + document.path("catalogVersion").asText();
        }
        String id = document.path("id").asText(null);
        return id != null ? id : document.path("documentId").asText(null);
    }
}
