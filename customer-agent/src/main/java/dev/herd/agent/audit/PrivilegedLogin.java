package dev.herd.agent.audit;

/** One sudo or su entry from the authentication log, as the log line records it. */
public record PrivilegedLogin(String tool, String line) {}
