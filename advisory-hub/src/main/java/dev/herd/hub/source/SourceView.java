package dev.herd.hub.source;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * A pull source and its status: {@code state} is {@code idle}, {@code running} (with {@code progress} and the counts
 * so far) or {@code failed} (the last run could not read the source); {@code counts}, {@code errors} and {@code
 * warnings} are those of the last (or the running) pull.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SourceView(
        long id,
        String providerId,
        SourceKind kind,
        String location,
        int intervalMinutes,
        Instant createdAt,
        String state,
        Instant lastStartedAt,
        Instant lastFinishedAt,
        Instant nextRunAt,
        PullCounts counts,
        List<PullNote> errors,
        List<PullNote> warnings,
        Progress progress) {

    /** How far a running pull is: documents done out of those it found. */
    public record Progress(int done, int total) {}

    static SourceView of(PullSource source, PullRun running) {
        Instant next = source.lastStartedAt == null
                ? source.createdAt
                : source.lastStartedAt.plusSeconds(60L * source.intervalMinutes);
        if (running != null) {
            return new SourceView(
                    source.id,
                    source.providerId,
                    source.kind,
                    source.location,
                    source.intervalMinutes,
                    source.createdAt,
                    "running",
                    running.startedAt(),
                    source.lastFinishedAt,
                    next,
                    running.counts(),
                    running.errors(),
                    running.warnings(),
                    running.progress());
        }
        return new SourceView(
                source.id,
                source.providerId,
                source.kind,
                source.location,
                source.intervalMinutes,
                source.createdAt,
                source.state,
                source.lastStartedAt,
                source.lastFinishedAt,
                next,
                source.lastCounts,
                source.lastErrors == null ? List.of() : source.lastErrors,
                source.lastWarnings == null ? List.of() : source.lastWarnings,
                null);
    }
}
