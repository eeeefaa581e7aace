package dev.herd.agent.audit;

/**
 * A network configuration file as observed: when its content was last modified and when its inode last changed
 * (content, mode, owner or links; ISO-8601 instants), its mode in octal ({@code 0644}) and as {@code ls} shows it
 * ({@code rw-r--r--}), and its owner and group; a change of any of them is evidence.
 */
public record ConfigChange(
        String path, String modified, String changed, String mode, String permissions, String owner, String group) {}
