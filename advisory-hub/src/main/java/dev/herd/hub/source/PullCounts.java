package dev.herd.hub.source;

/**
 * What one pull did. {@code seen} counts the files (documents) the pull found and {@code skippedUnchanged} those whose
 * bytes had not changed since they were last stored; the others count the advisory documents ingested from them.
 */
public record PullCounts(int seen, int accepted, int merged, int unchanged, int rejected, int skippedUnchanged) {}
