package dev.herd.agent.audit;

/**
 * One sudo or su entry from the authentication log: the tool, who ran it, as whom ({@code root} unless the log says
 * otherwise), when (ISO-8601 instant; null when the line's time could not be read), and the line as the log records
 * it.
 */
public record PrivilegedLogin(String tool, String user, String target, String at, String line) {}
