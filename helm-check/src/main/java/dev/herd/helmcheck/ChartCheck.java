package dev.herd.helmcheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The chart check: renders the chart with every values file under its {@code ci/} folder and validates each manifest.
 * {@code ./herd chart check} runs {@link #main}, which prints {@code chart: N manifests from K values files valid} or
 * every problem and exits 1.
 */
public final class ChartCheck {

    private final Path chart;
    private final ChartRenderer renderer;
    private final ManifestValidator validator = new ManifestValidator();

    ChartCheck(Path chart) {
        this.chart = chart;
        this.renderer = new ChartRenderer(chart);
    }

    /** Checks every values file under {@code ci/}; a chart with none is a failure, not a pass. */
    ChartReport run() {
        List<Path> valuesFiles = valuesFiles();
        if (valuesFiles.isEmpty()) {
            return new ChartReport(0, 0, List.of(chart.resolve("ci") + ": no values files (*.yaml)"));
        }
        int manifests = 0;
        List<String> problems = new ArrayList<>();
        for (Path valuesFile : valuesFiles) {
            ChartReport report = check(valuesFile);
            manifests += report.manifests();
            problems.addAll(report.problems());
        }
        return new ChartReport(manifests, valuesFiles.size(), problems);
    }

    /** Renders the chart with one values file and validates what it renders. */
    ChartReport check(Path valuesFile) {
        List<Manifest> manifests;
        try {
            manifests = renderer.render(valuesFile);
        } catch (ChartException e) {
            return new ChartReport(0, 1, List.of(e.getMessage()));
        }
        List<String> problems = new ArrayList<>();
        if (manifests.isEmpty()) {
            problems.add(chart.relativize(valuesFile) + ": rendered no manifest");
        }
        for (Manifest manifest : manifests) {
            validator.violations(manifest).forEach(violation -> problems.add(manifest.origin() + ": " + violation));
        }
        return new ChartReport(manifests.size(), 1, problems);
    }

    private List<Path> valuesFiles() {
        Path ci = chart.resolve("ci");
        if (!Files.isDirectory(ci)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(ci)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".yaml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: ChartCheck CHART_DIRECTORY");
            System.exit(2);
        }
        ChartReport report = new ChartCheck(Path.of(args[0]).toAbsolutePath().normalize()).run();
        if (!report.valid()) {
            report.problems().forEach(System.err::println);
            System.err.println("chart: " + report.problems().size() + " problem(s) in " + report.manifests()
                    + " manifests from " + report.valuesFiles() + " values files");
            System.exit(1);
        }
        System.out.println(report.summary());
    }
}
