package dev.herd.agent.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditCollectorTest {

    private static final ZonedDateTime NOW = ZonedDateTime.of(2026, 12, 7, 12, 0, 0, 0, ZoneOffset.UTC);

    @TempDir
    Path root;

    @Test
    void sudoSuAndSshdLinesAreSessionsWithUserTargetAndTime() {
        String log = """
                Nov 21 10:00:01 web1 sshd[811]: Accepted publickey for alice from 10.0.0.5 port 51234
                Nov 21 10:00:09 web1 sudo:    alice : TTY=pts/0 ; PWD=/home/alice ; USER=root ; COMMAND=/usr/bin/id
                Nov 21 10:00:09 web1 sudo: pam_unix(sudo:session): session opened for user root(uid=0) by alice(uid=1000)
                Nov 21 10:01:00 web1 su[920]: (to postgres) bob on pts/0
                2026-12-07T09:30:00.123456+01:00 web1 sudo:   carol : TTY=pts/1 ; PWD=/ ; USER=www-data ; COMMAND=/bin/ls
                Dec 31 23:59:00 web1 su[7]: FAILED SU (to root) mallory on pts/3
                """;

        List<PrivilegedLogin> logins = AuditCollector.parse(log, NOW);

        assertEquals(
                List.of("sshd", "sudo", "su", "sudo", "su"),
                logins.stream().map(PrivilegedLogin::tool).toList());
        assertEquals(
                List.of("alice", "alice", "bob", "carol", "mallory"),
                logins.stream().map(PrivilegedLogin::user).toList());
        assertEquals(
                List.of("alice", "root", "postgres", "www-data", "root"),
                logins.stream().map(PrivilegedLogin::target).toList());
        assertEquals("10.0.0.5", logins.getFirst().from());
        assertEquals(null, logins.get(1).from());
        assertEquals(
                List.of(
                        "2026-11-21T10:00:01Z",
                        "2026-11-21T10:00:09Z",
                        "2026-11-21T10:01:00Z",
                        "2026-12-07T08:30:00.123456Z",
                        "2025-12-31T23:59:00Z"),
                logins.stream().map(PrivilegedLogin::at).toList(),
                "a year-less line later than now is last year's");
    }

    @Test
    void aLineWithoutReadableTimeKeepsItsSessionWithoutTime() {
        List<PrivilegedLogin> logins = AuditCollector.parse("garbled sudo: alice : USER=root ; COMMAND=/bin/sh\n", NOW);

        assertEquals(1, logins.size());
        assertEquals("alice", logins.getFirst().user());
        assertEquals(null, logins.getFirst().at());
    }

    @Test
    void onlyAcceptedSshdLogInsAreKeptAndEachKindKeepsItsLatestHundred() throws Exception {
        StringBuilder log = new StringBuilder();
        log.append("Nov 21 09:00:00 web1 sudo:    alice : TTY=pts/0 ; PWD=/ ; USER=root ; COMMAND=/usr/bin/id\n");
        log.append("Nov 21 09:00:01 web1 sshd[5]: Failed password for root from 203.0.113.9 port 4242 ssh2\n");
        log.append("Nov 21 09:00:02 web1 sshd[5]: Invalid user admin from 203.0.113.9 port 4243\n");
        log.append("Nov 21 09:00:03 web1 sshd[5]: pam_unix(sshd:session): session opened for user bob(uid=1001)\n");
        for (int i = 0; i < 150; i++) {
            log.append(
                    "2026-11-21T10:%02d:%02d+00:00 web1 sshd[9]: Accepted password for bob from 2001:db8::%d port 22%d ssh2\n"
                            .formatted(i / 60, i % 60, i, i));
        }
        java.nio.file.Files.createDirectories(root.resolve("var/log"));
        java.nio.file.Files.writeString(root.resolve("var/log/auth.log"), log);

        List<PrivilegedLogin> logins = AuditCollector.privilegedLogins(root);

        assertEquals(101, logins.size());
        assertEquals("sudo", logins.getFirst().tool(), "many log-ins do not push the privileged use out");
        assertEquals(100, logins.stream().filter(l -> l.tool().equals("sshd")).count());
        assertEquals("2001:db8::149", logins.getLast().from());
        assertEquals("2001:db8::50", logins.get(1).from());
    }

    @Test
    void osWithoutAuthLogGivesEmptyList() {
        assertEquals(List.of(), AuditCollector.privilegedLogins(root));
    }
}
