package dev.herd.agent.audit;

/**
 * A network configuration file: when it was last modified (ISO-8601 instant), its permissions as {@code ls} shows them
 * ({@code rw-r--r--}), and its owner and group; a change of any of them is evidence.
 */
public record ConfigChange(String path, String modified, String permissions, String owner, String group) {}
