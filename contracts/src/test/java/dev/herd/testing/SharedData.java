package dev.herd.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real sample data: wherever the system property {@code herd.shared.data} points, else {@code ../shared/data}
 * beside the project when it is there, else the copy of the pieces the tests use in {@code testdata/shared-data}
 * (so that a checkout anywhere can run the tests).
 */
public final class SharedData {

    private SharedData() {}

    public static Path file(String relative) {
        Path file = root().resolve(relative);
        if (!Files.isReadable(file)) {
            throw new IllegalStateException("Sample data " + file + " is missing: the tests expect ../shared/data "
                    + "beside the project, or -Dherd.shared.data=DIR");
        }
        return file;
    }

    private static Path root() {
        String configured = System.getProperty("herd.shared.data");
        if (configured != null) {
            return Path.of(configured);
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("herd"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("Cannot find the project root (the folder holding ./herd) above "
                    + Path.of("").toAbsolutePath());
        }
        Path beside = dir.resolveSibling("shared").resolve("data");
        return Files.isDirectory(beside) ? beside : dir.resolve("testdata").resolve("shared-data");
    }
}
