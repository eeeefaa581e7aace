package dev.herd.agent.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditCollectorTest {

    @TempDir
    Path root;

    @Test
    void sudoAndSuLinesAreKeptAndOthersDropped() {
        String log = """
                Nov 21 10:00:01 web1 sshd[811]: Accepted publickey for alice from 10.0.0.5 port 51234
                Nov 21 10:00:09 web1 sudo:    alice : TTY=pts/0 ; PWD=/home/alice ; USER=root ; COMMAND=/usr/bin/id
                Nov 21 10:01:00 web1 su[920]: (to root) alice on pts/0
                """;

        assertEquals(
                List.of("sudo", "su"),
                AuditCollector.parse(log).stream().map(PrivilegedLogin::tool).toList());
    }

    @Test
    void osWithoutAuthLogAndNetworkFilesGivesEmptyLists() {
        assertEquals(List.of(), AuditCollector.privilegedLogins(root));
        assertEquals(List.of(), AuditCollector.networkConfigChanges(root));
    }

    @Test
    void aNetworkFileIsReportedWithItsPermissionsOwnerAndGroup() throws Exception {
        Path hosts = root.resolve("etc/hosts");
        Files.createDirectories(hosts.getParent());
        Files.writeString(hosts, "127.0.0.1 localhost\n");
        Files.setPosixFilePermissions(hosts, PosixFilePermissions.fromString("rw-r--r--"));
        ConfigChange before = AuditCollector.networkConfigChanges(root).getFirst();

        Files.setPosixFilePermissions(hosts, PosixFilePermissions.fromString("rw-rw-rw-"));
        ConfigChange after = AuditCollector.networkConfigChanges(root).getFirst();

        assertEquals("/etc/hosts", before.path());
        assertEquals("rw-r--r--", before.permissions());
        assertEquals("rw-rw-rw-", after.permissions());
        assertEquals(Files.getOwner(hosts).getName(), after.owner());
        assertNotEquals(before, after, "a permission change alone is a change");
    }
}
