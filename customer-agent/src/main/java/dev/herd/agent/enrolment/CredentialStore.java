package dev.herd.agent.enrolment;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/** Keeps the agent's credential in {@code STATE_DIR/credential.json}, readable by its owner only (mode 600). */
public final class CredentialStore {

    public static final String FILE = "credential.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private CredentialStore() {}

    public static Optional<AgentCredential> read(Path stateDir) throws IOException {
        Path file = stateDir.resolve(FILE);
        return Files.isRegularFile(file)
                ? Optional.of(JSON.readValue(file.toFile(), AgentCredential.class))
                : Optional.empty();
    }

    /** Writes the credential atomically; the file never exists with wider permissions than 600. */
    public static void write(Path stateDir, AgentCredential credential) throws IOException {
        Files.createDirectories(stateDir);
        Path partial = stateDir.resolve(FILE + ".partial");
        Files.deleteIfExists(partial);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(
                    partial, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Files.write(partial, JSON.writeValueAsBytes(credential));
        Files.move(partial, stateDir.resolve(FILE), StandardCopyOption.ATOMIC_MOVE);
    }
}
