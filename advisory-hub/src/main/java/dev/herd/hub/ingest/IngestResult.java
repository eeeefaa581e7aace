package dev.herd.hub.ingest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.herd.hub.advisory.DocumentFormat;
import java.util.List;
import java.util.Map;

/**
 * The answer for one submitted document: its position in the batch, what became of it, the canonical advisory id
 * ({@code id}; for a merge, the advisory it joined, also in {@code mergedInto}), and every error and warning. A
 * document that speaks about many advisories (the KEV catalogue) has its own id and {@code counts} per outcome.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IngestResult(
        int index,
        IngestStatus status,
        String id,
        String mergedInto,
        String documentId,
        DocumentFormat format,
        Map<String, Integer> counts,
        List<Issue> errors,
        List<Issue> warnings) {

    public IngestResult {
        errors = errors == null ? List.of() : List.copyOf(errors);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    static IngestResult rejected(
            int index, String documentId, DocumentFormat format, List<Issue> errors, List<Issue> warnings) {
        return new IngestResult(index, IngestStatus.REJECTED, null, null, documentId, format, null, errors, warnings);
    }
}
