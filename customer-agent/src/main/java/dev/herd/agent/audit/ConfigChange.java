package dev.herd.agent.audit;

/** A network configuration file and when it was last modified (ISO-8601 instant). */
public record ConfigChange(String path, String modified) {}
