package dev.herd.hub.advisory;

import java.time.Instant;

/** Filters of an advisory search; every one is optional. {@code modifiedSince} is when Herd last changed it. */
public record AdvisoryQuery(
        String ecosystem,
        String packageName,
        String alias,
        Severity severity,
        Boolean knownExploited,
        Instant modifiedSince,
        int page,
        int size) {}
