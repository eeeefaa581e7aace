package dev.herd.agent.monitor;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One flow as the gateway's {@code POST /agent/flows} takes it: when it started (or when a signature hit was seen),
 * from and to which address, protocol ({@code tcp|udp|icmp|other}), destination port (tcp and udp only), bytes (0 for
 * a connection counted at its start, the packet's length for a hit), and the signature it hit (none for a flow).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Flow(
        String time, String source, String destination, String protocol, Integer port, long bytes, String signature) {

    /** A flow without a signature hit. */
    public Flow(String time, String source, String destination, String protocol, Integer port, long bytes) {
        this(time, source, destination, protocol, port, bytes, null);
    }
}
