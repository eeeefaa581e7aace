package dev.herd.agent.enrolment;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/** Who this machine is: its host name and a stable machine id ({@code /etc/machine-id}, else one kept in state). */
public final class MachineIdentity {

    private MachineIdentity() {}

    /** {@code ROOT/etc/machine-id} when present, else a UUID generated once and kept in {@code STATE_DIR/machine-id}. */
    public static String machineId(Path root, Path stateDir) throws IOException {
        Path system = root.resolve("etc/machine-id");
        if (Files.isReadable(system)) {
            String id = Files.readString(system, StandardCharsets.UTF_8).trim();
            if (!id.isEmpty()) {
                return id;
            }
        }
        Path kept = stateDir.resolve("machine-id");
        if (Files.isRegularFile(kept)) {
            return Files.readString(kept, StandardCharsets.UTF_8).trim();
        }
        String id = UUID.randomUUID().toString();
        Files.createDirectories(stateDir);
        Path partial = stateDir.resolve("machine-id.partial");
        Files.writeString(partial, id + "\n", StandardCharsets.UTF_8);
        Files.move(partial, kept, StandardCopyOption.ATOMIC_MOVE);
        return id;
    }

    public static String hostname(Path root) {
        try {
            Path file = root.resolve("etc/hostname");
            if (Files.isReadable(file)) {
                String name = Files.readString(file, StandardCharsets.UTF_8).trim();
                if (!name.isEmpty()) {
                    return name;
                }
            }
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
