package dev.herd.agent.audit;

/**
 * One entry of the authentication log: a sudo or su use, or an sshd log-in ({@code tool} {@code sshd}, not privileged
 * by itself). The tool, who ran it (or logged in), as whom ({@code root} unless the log says otherwise; the user
 * itself for a log-in), when (ISO-8601 instant; null when the line's time could not be read), the line as the log
 * records it, and for a log-in the address it came from (null otherwise).
 */
public record PrivilegedLogin(String tool, String user, String target, String at, String line, String from) {

    /** A sudo or su use, which names no address. */
    public PrivilegedLogin(String tool, String user, String target, String at, String line) {
        this(tool, user, target, at, line, null);
    }
}
