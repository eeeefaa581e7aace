package dev.herd.agent.audit;

import dev.herd.agent.files.FileHasher;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the OS records about privileged sessions and network configuration; empty where it records nothing. */
public final class AuditCollector {

    public static final List<String> NETWORK_CONFIG =
            List.of("/etc/network/interfaces", "/etc/resolv.conf", "/etc/nftables.conf", "/etc/hosts");

    private static final int MAX_LOGINS = 100;
    private static final Pattern PRIVILEGED = Pattern.compile("\\s(sudo|su)(\\[\\d+])?:\\s");

    private AuditCollector() {}

    public static List<ConfigChange> networkConfigChanges(Path root) {
        List<ConfigChange> changes = new ArrayList<>();
        for (String path : NETWORK_CONFIG) {
            try {
                Path file = FileHasher.underRoot(root, path);
                PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
                if (Files.exists(file) && view != null) {
                    PosixFileAttributes attributes = view.readAttributes();
                    changes.add(new ConfigChange(
                            path,
                            attributes.lastModifiedTime().toInstant().toString(),
                            PosixFilePermissions.toString(attributes.permissions()),
                            attributes.owner().getName(),
                            attributes.group().getName()));
                }
            } catch (IOException e) {
                // Unreadable metadata: nothing to report for that file.
            }
        }
        return changes;
    }

    /** The latest sudo/su entries of {@code /var/log/auth.log} (Debian without rsyslog has none: journald only). */
    public static List<PrivilegedLogin> privilegedLogins(Path root) {
        Path log = root.resolve("var/log/auth.log");
        if (!Files.isReadable(log)) {
            return List.of();
        }
        try {
            List<PrivilegedLogin> logins = parse(Files.readString(log, StandardCharsets.ISO_8859_1));
            return logins.subList(Math.max(0, logins.size() - MAX_LOGINS), logins.size());
        } catch (IOException e) {
            return List.of();
        }
    }

    static List<PrivilegedLogin> parse(String text) {
        List<PrivilegedLogin> logins = new ArrayList<>();
        for (String line : text.split("\n")) {
            Matcher m = PRIVILEGED.matcher(line);
            if (m.find()) {
                logins.add(new PrivilegedLogin(m.group(1), line.strip()));
            }
        }
        return logins;
    }
}
