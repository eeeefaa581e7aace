package dev.herd.agent.apply.rules;

import dev.herd.agent.process.CommandResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.Function;

/** A script handed to a firewall program as a temporary file (mode 600), removed once the program has run. */
final class ScriptFile {

    private ScriptFile() {}

    static CommandResult with(String suffix, String script, Function<Path, CommandResult> action) {
        Path file;
        try {
            file = Files.createTempFile(
                    "herd-rules-",
                    suffix,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, script.endsWith("\n") ? script : script + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the rules to a temporary file", e);
        }
        try {
            return action.apply(file);
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // A leftover temporary file is harmless.
            }
        }
    }
}
