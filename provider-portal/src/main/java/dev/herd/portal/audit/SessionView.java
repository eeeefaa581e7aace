package dev.herd.portal.audit;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.UUID;

/**
 * A session on a machine: a privileged one (tool sudo, su) or an sshd log-in (tool sshd, {@code kind} {@code log-in}),
 * who ran it, as whom, when ({@code atLogged} false when the log's time could not be read and {@code at} is when the
 * portal first saw it), the log line and, for a log-in, the address it came from.
 */
public record SessionView(
        UUID machineId,
        String machine,
        String tool,
        String user,
        String target,
        Instant at,
        boolean atLogged,
        String line,
        String from) {

    /** {@code log-in} for an sshd log-in, {@code privileged} for sudo and su. */
    @JsonProperty("kind")
    public String kind() {
        return "sshd".equals(tool) ? "log-in" : "privileged";
    }
}
