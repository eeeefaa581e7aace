package dev.herd.helmcheck;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** The real chart, and copies of it that tests break on purpose. */
final class ChartFixtures {

    private ChartFixtures() {}

    /** helm/herd of this checkout (the build passes its path; the default fits a run from the module folder). */
    static Path chart() {
        return Path.of(System.getProperty("herd.chart.dir", "../helm/herd"))
                .toAbsolutePath()
                .normalize();
    }

    /** A copy of the chart in {@code target}, its ci/ folder holding only the given test values files. */
    static Path copyWithValues(Path target, String... testValuesFiles) {
        Path copy = target.resolve("herd");
        try (Stream<Path> files = Files.walk(chart())) {
            for (Path file : files.toList()) {
                Path destination = copy.resolve(chart().relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(destination);
                } else if (!file.getParent().getFileName().toString().equals("ci")) {
                    Files.copy(file, destination, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            for (String name : testValuesFiles) {
                try (InputStream in = ChartFixtures.class.getResourceAsStream("/values/" + name)) {
                    Files.copy(in, copy.resolve("ci").resolve(name));
                }
            }
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies the real chart's minimal values into the copy's ci/ folder. */
    static void addMinimalValues(Path copy) {
        try {
            Files.copy(chart().resolve("ci/minimal-values.yaml"), copy.resolve("ci/minimal-values.yaml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
