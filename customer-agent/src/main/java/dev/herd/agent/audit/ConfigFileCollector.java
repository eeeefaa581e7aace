package dev.herd.agent.audit;

import dev.herd.agent.files.FileHasher;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Mode, owner, group and times of the network configuration files of a Debian machine ({@link #NETWORK_CONFIG});
 * files that do not exist are left out.
 */
public final class ConfigFileCollector {

    /** The files looked at; a path ending in {@code /*.yaml} stands for the YAML files of that folder. */
    public static final List<String> NETWORK_CONFIG = List.of(
            "/etc/network/interfaces",
            "/etc/hosts",
            "/etc/hostname",
            "/etc/resolv.conf",
            "/etc/nsswitch.conf",
            "/etc/hosts.allow",
            "/etc/hosts.deny",
            "/etc/nftables.conf",
            "/etc/sysctl.conf",
            "/etc/ssh/sshd_config",
            "/etc/netplan/*.yaml");

    private static final int MAX_FILES = 200;

    private ConfigFileCollector() {}

    public static List<ConfigChange> collect(Path root) {
        List<ConfigChange> files = new ArrayList<>();
        for (String path : NETWORK_CONFIG) {
            for (String one : expand(root, path)) {
                if (files.size() < MAX_FILES) {
                    observe(root, one).ifPresent(files::add);
                }
            }
        }
        return files;
    }

    private static List<String> expand(Path root, String path) {
        if (!path.endsWith("/*.yaml")) {
            return List.of(path);
        }
        String folder = path.substring(0, path.length() - "/*.yaml".length());
        List<String> found = new ArrayList<>();
        try (DirectoryStream<Path> yaml = Files.newDirectoryStream(FileHasher.underRoot(root, folder), "*.yaml")) {
            yaml.forEach(file -> found.add(folder + "/" + file.getFileName()));
        } catch (IOException e) {
            return List.of(); // no such folder
        }
        return found.stream().sorted().toList();
    }

    private static Optional<ConfigChange> observe(Path root, String path) {
        Path file = FileHasher.underRoot(root, path);
        try {
            PosixFileAttributes attributes = Files.readAttributes(file, PosixFileAttributes.class);
            Object ctime = Files.getAttribute(file, "unix:ctime");
            return Optional.of(new ConfigChange(
                    path,
                    attributes.lastModifiedTime().toInstant().toString(),
                    ctime instanceof FileTime time ? time.toInstant().toString() : null,
                    octal(attributes.permissions()),
                    PosixFilePermissions.toString(attributes.permissions()),
                    attributes.owner().getName(),
                    attributes.group().getName()));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return Optional.empty(); // missing, or metadata that cannot be read: nothing to report
        }
    }

    /** The permission bits as four octal digits, {@code 0644}. */
    static String octal(Set<PosixFilePermission> permissions) {
        int mode = 0;
        for (PosixFilePermission permission : permissions) {
            mode |= 1 << (8 - permission.ordinal());
        }
        return String.format("%04o", mode);
    }
}
