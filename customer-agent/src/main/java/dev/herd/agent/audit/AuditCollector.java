package dev.herd.agent.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the OS records about sessions: the sudo and su entries of the authentication log, and sshd's accepted log-ins
 * (each kind keeps its own latest 100, so many log-ins do not push the privileged uses out).
 */
public final class AuditCollector {

    private static final int MAX_LOGINS = 100;
    private static final Pattern PRIVILEGED = Pattern.compile("\\s(sudo|su)(\\[\\d+])?:\\s+(.*)$");
    /** sshd: {@code Accepted publickey for alice from 192.0.2.7 port 52144 ssh2[: ED25519 SHA256:...]}. */
    private static final Pattern SSHD =
            Pattern.compile("\\ssshd(\\[\\d+])?:\\s+Accepted (\\S+) for (\\S+) from (\\S+) port \\d+");
    /** sudo: {@code alice : TTY=pts/0 ; PWD=/home/alice ; USER=root ; COMMAND=/usr/bin/id}. */
    private static final Pattern SUDO = Pattern.compile("^(\\S+) : ");
    /** su (util-linux): {@code (to root) alice on pts/0}, or {@code FAILED SU (to root) alice on pts/0}. */
    private static final Pattern SU = Pattern.compile("\\(to (\\S+)\\) (\\S+) on");
    /** rsyslog's default on Debian 12: {@code 2026-11-21T10:00:09.123456+01:00}. */
    private static final Pattern RFC3339 = Pattern.compile("^(\\d{4}-\\d\\d-\\d\\dT\\S+)\\s");
    /** The traditional syslog time, without a year: {@code Nov 21 10:00:09}. */
    private static final Pattern BSD = Pattern.compile("^([A-Z][a-z]{2} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d)\\s");

    private static final DateTimeFormatter BSD_TIME = DateTimeFormatter.ofPattern("yyyy MMM d HH:mm:ss", Locale.ROOT);

    private AuditCollector() {}

    /**
     * The latest sudo/su entries and sshd log-ins of {@code /var/log/auth.log} (Debian without rsyslog has none:
     * journald only).
     */
    public static List<PrivilegedLogin> privilegedLogins(Path root) {
        Path log = root.resolve("var/log/auth.log");
        if (!Files.isReadable(log)) {
            return List.of();
        }
        try {
            List<PrivilegedLogin> entries = parse(
                    Files.readString(log, StandardCharsets.ISO_8859_1), ZonedDateTime.now(ZoneId.systemDefault()));
            List<PrivilegedLogin> privileged = latest(
                    entries.stream().filter(e -> !e.tool().equals("sshd")).toList());
            List<PrivilegedLogin> sshd =
                    latest(entries.stream().filter(e -> e.tool().equals("sshd")).toList());
            List<PrivilegedLogin> both = new ArrayList<>(privileged);
            both.addAll(sshd);
            return both;
        } catch (IOException e) {
            return List.of();
        }
    }

    private static List<PrivilegedLogin> latest(List<PrivilegedLogin> entries) {
        return entries.subList(Math.max(0, entries.size() - MAX_LOGINS), entries.size());
    }

    /**
     * The sudo command lines, su switches and sshd's accepted log-ins of the log text; PAM's session lines, which repeat them, are left out.
     * {@code now} gives the year and zone of lines written without them.
     */
    static List<PrivilegedLogin> parse(String text, ZonedDateTime now) {
        List<PrivilegedLogin> logins = new ArrayList<>();
        for (String line : text.split("\n")) {
            Matcher ssh = SSHD.matcher(line);
            if (ssh.find()) {
                String user = ssh.group(3);
                logins.add(new PrivilegedLogin("sshd", user, user, at(line, now), line.strip(), ssh.group(4)));
                continue;
            }
            Matcher m = PRIVILEGED.matcher(line);
            if (!m.find() || m.group(3).startsWith("pam_unix(")) {
                continue;
            }
            String tool = m.group(1);
            String message = m.group(3);
            String user = null;
            String target = "root";
            if (tool.equals("sudo")) {
                Matcher sudo = SUDO.matcher(message);
                if (sudo.find()) {
                    user = sudo.group(1);
                    Matcher as = Pattern.compile("USER=(\\S+)").matcher(message);
                    target = as.find() ? as.group(1) : target;
                }
            } else {
                Matcher su = SU.matcher(message);
                if (su.find()) {
                    target = su.group(1);
                    user = su.group(2);
                }
            }
            logins.add(new PrivilegedLogin(tool, user, target, at(line, now), line.strip()));
        }
        return logins;
    }

    /** When the line was written, or null when its time cannot be read. */
    static String at(String line, ZonedDateTime now) {
        try {
            Matcher rfc = RFC3339.matcher(line);
            if (rfc.find()) {
                return OffsetDateTime.parse(rfc.group(1)).toInstant().toString();
            }
            Matcher bsd = BSD.matcher(line);
            if (bsd.find()) {
                String when = bsd.group(1).replaceAll(" +", " ");
                ZonedDateTime time = LocalDateTime.parse(now.getYear() + " " + when, BSD_TIME)
                        .atZone(now.getZone());
                // A December line read in January was written last year.
                Instant at = time.isAfter(now.plusDays(1)) ? time.minusYears(1).toInstant() : time.toInstant();
                return at.toString();
            }
        } catch (DateTimeParseException e) {
            // answered below
        }
        return null;
    }
}
