package dev.herd.hub.ingest;

import java.util.List;

/** The push API's answer: how many documents ended in each status, then the result for every document. */
public record IngestReport(int accepted, int merged, int unchanged, int rejected, List<IngestResult> results) {

    static IngestReport of(List<IngestResult> results) {
        int[] counts = new int[IngestStatus.values().length];
        results.forEach(r -> counts[r.status().ordinal()]++);
        return new IngestReport(
                counts[IngestStatus.ACCEPTED.ordinal()],
                counts[IngestStatus.MERGED.ordinal()],
                counts[IngestStatus.UNCHANGED.ordinal()],
                counts[IngestStatus.REJECTED.ordinal()],
                results);
    }
}
