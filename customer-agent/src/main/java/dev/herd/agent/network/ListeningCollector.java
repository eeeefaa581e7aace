package dev.herd.agent.network;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Listening sockets below a root with their owning process, found through {@code /proc/<pid>/fd} socket links. */
public final class ListeningCollector {

    private static final List<String> TABLES = List.of("tcp", "tcp6", "udp", "udp6");

    private ListeningCollector() {}

    public static List<ListeningSocket> collect(Path root) {
        List<ListeningSocket> sockets = new ArrayList<>();
        for (String table : TABLES) {
            try {
                Path file = root.resolve("proc/net").resolve(table);
                if (Files.isReadable(file)) {
                    sockets.addAll(ProcNetParser.listening(table, Files.readString(file)));
                }
            } catch (IOException e) {
                // A missing protocol (no IPv6) is not an error.
            }
        }
        Map<Long, Integer> owners = socketOwners(root.resolve("proc"));
        List<ListeningSocket> result = new ArrayList<>();
        for (ListeningSocket socket : sockets) {
            Integer pid = owners.get(socket.inode());
            result.add(pid == null ? socket : socket.withOwner(pid, comm(root, pid)));
        }
        result.sort(Comparator.comparing(ListeningSocket::protocol).thenComparing(ListeningSocket::port));
        return result;
    }

    /** Socket inode to pid; processes whose fd folder cannot be read (other users, gone) are skipped. */
    static Map<Long, Integer> socketOwners(Path proc) {
        Map<Long, Integer> owners = new HashMap<>();
        try (DirectoryStream<Path> pids =
                Files.newDirectoryStream(proc, p -> p.getFileName().toString().matches("\\d+"))) {
            for (Path pidDir : pids) {
                int pid = Integer.parseInt(pidDir.getFileName().toString());
                try (DirectoryStream<Path> fds = Files.newDirectoryStream(pidDir.resolve("fd"))) {
                    for (Path fd : fds) {
                        String target = readLink(fd);
                        if (target != null && target.startsWith("socket:[") && target.endsWith("]")) {
                            owners.putIfAbsent(Long.parseLong(target.substring(8, target.length() - 1)), pid);
                        }
                    }
                } catch (IOException | SecurityException e) {
                    // Not ours to read.
                }
            }
        } catch (IOException e) {
            return owners;
        }
        return owners;
    }

    private static String readLink(Path fd) {
        try {
            return Files.readSymbolicLink(fd).toString();
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }

    private static String comm(Path root, int pid) {
        try {
            return Files.readString(root.resolve("proc/" + pid + "/comm")).strip();
        } catch (IOException e) {
            return null;
        }
    }
}
