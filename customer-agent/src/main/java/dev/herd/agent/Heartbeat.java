package dev.herd.agent;

import java.time.Instant;

/** One heartbeat: when it was taken and whether the gateway was reachable (with the reason when it was not). */
public record Heartbeat(Instant at, String problem) {

    public boolean gatewayReachable() {
        return problem == null;
    }

    /** The heartbeat as one line: {@code <ISO instant> ok} or {@code <ISO instant> degraded <reason>}. */
    public String line() {
        return at + (gatewayReachable() ? " ok" : " degraded " + problem);
    }
}
