package dev.herd.portal.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * A privileged session on a machine: the tool (sudo, su), who ran it, as whom, when ({@code atLogged} false when the
 * log's time could not be read and {@code at} is when the portal first saw it) and the log line.
 */
public record SessionView(
        UUID machineId,
        String machine,
        String tool,
        String user,
        String target,
        Instant at,
        boolean atLogged,
        String line) {}
