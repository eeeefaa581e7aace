package dev.herd.agent.monitor;

/**
 * One flow as the gateway's {@code POST /agent/flows} takes it: when it started, from and to which address, protocol
 * ({@code tcp|udp|icmp|other}), destination port (tcp and udp only), bytes (0: counted at its start), and no signature.
 */
public record Flow(String time, String source, String destination, String protocol, Integer port, long bytes) {}
