package dev.herd.agent.inventory;

import java.nio.file.Path;

/** A package database that cannot be read as its format says: names the file and, when known, the line. */
public class InventoryException extends RuntimeException {

    public InventoryException(Path file, int line, String problem) {
        super(file + (line > 0 ? ":" + line : "") + ": " + problem);
    }

    public InventoryException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
    }
}
