package dev.herd.agent.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileCollectorTest {

    @TempDir
    Path root;

    @Test
    void noNetworkFilesGiveAnEmptyList() {
        assertEquals(List.of(), ConfigFileCollector.collect(root));
    }

    @Test
    void aNetworkFileIsReportedWithModeOwnerGroupAndTimes() throws Exception {
        Path hosts = write("etc/hosts", "rw-r--r--");
        Files.setLastModifiedTime(hosts, FileTime.from(Instant.parse("2026-11-21T06:00:00Z")));
        ConfigChange before = ConfigFileCollector.collect(root).getFirst();

        Files.setPosixFilePermissions(hosts, PosixFilePermissions.fromString("rw-rw-rw-"));
        ConfigChange after = ConfigFileCollector.collect(root).getFirst();

        assertEquals("/etc/hosts", before.path());
        assertEquals("0644", before.mode());
        assertEquals("rw-r--r--", before.permissions());
        assertEquals("2026-11-21T06:00:00Z", before.modified());
        assertNotNull(before.changed(), "the inode change time");
        assertEquals("0666", after.mode());
        assertEquals(Files.getOwner(hosts).getName(), after.owner());
        assertEquals(before.modified(), after.modified(), "a mode change leaves the content time");
        assertNotEquals(before, after, "a permission change alone is a change");
    }

    @Test
    void theDefaultListIncludesSshdAndNftablesAndNetplanYamlInOrder() throws Exception {
        write("etc/ssh/sshd_config", "rw-r--r--");
        write("etc/nftables.conf", "rwxr-xr-x");
        write("etc/netplan/90-b.yaml", "rw-------");
        write("etc/netplan/01-a.yaml", "rw-------");
        write("etc/netplan/notes.txt", "rw-r--r--");

        List<ConfigChange> files = ConfigFileCollector.collect(root);

        assertEquals(
                List.of(
                        "/etc/nftables.conf",
                        "/etc/ssh/sshd_config",
                        "/etc/netplan/01-a.yaml",
                        "/etc/netplan/90-b.yaml"),
                files.stream().map(ConfigChange::path).toList());
        assertEquals(
                List.of("0755", "0644", "0600", "0600"),
                files.stream().map(ConfigChange::mode).toList());
    }

    private Path write(String path, String permissions) throws Exception {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "x\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
        return file;
    }
}
