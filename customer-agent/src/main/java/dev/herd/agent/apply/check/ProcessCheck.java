package dev.herd.agent.apply.check;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Is a process with this name running? Looks through {@code /proc/<pid>}: the kernel's {@code comm} (cut to 15
 * characters, so a longer name matches on its first 15) or the file name of {@code argv[0]}.
 */
final class ProcessCheck {

    private static final int COMM_LENGTH = 15;

    private ProcessCheck() {}

    /** The pid of a matching process, if one runs. */
    static Optional<Integer> find(Path proc, String name) {
        try (DirectoryStream<Path> pids =
                Files.newDirectoryStream(proc, p -> p.getFileName().toString().matches("\\d+"))) {
            for (Path pid : pids) {
                if (matches(pid, name)) {
                    return Optional.of(Integer.parseInt(pid.getFileName().toString()));
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static boolean matches(Path pid, String name) {
        String comm = read(pid.resolve("comm")).strip();
        if (comm.equals(name) || (name.length() > COMM_LENGTH && comm.equals(name.substring(0, COMM_LENGTH)))) {
            return true;
        }
        String cmdline = read(pid.resolve("cmdline"));
        int end = cmdline.indexOf('\0');
        String argv0 = end < 0 ? cmdline : cmdline.substring(0, end);
        return !argv0.isEmpty() && Path.of(argv0).getFileName().toString().equals(name);
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            // Gone meanwhile, or not ours to read.
            return "";
        }
    }
}
