package dev.herd.helmcheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.marcnuri.helm.Helm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Renders a chart with the real Helm (helm-java's embedded library), as {@code helm template} does. */
final class ChartRenderer {

    private static final Pattern DOCUMENT_SEPARATOR = Pattern.compile("(?m)^---\\s*$");
    private static final Pattern SOURCE = Pattern.compile("(?m)^# Source: (.+)$");
    private static final String RELEASE = "herd";
    private static final String NAMESPACE = "herd";

    private final Path chart;
    private final YAMLMapper yaml = new YAMLMapper();

    ChartRenderer(Path chart) {
        this.chart = chart;
    }

    /**
     * Every manifest the chart renders with the given values file. Helm checks the values against
     * {@code values.schema.json} first; a template or schema error fails with Helm's own message.
     */
    List<Manifest> render(Path valuesFile) {
        String output;
        try {
            output = new Helm(chart)
                    .template()
                    .withName(RELEASE)
                    .withNamespace(NAMESPACE)
                    .withValuesFile(valuesFile)
                    .call();
        } catch (RuntimeException e) {
            // Helm's hint names a command-line flag the check does not have.
            String message = String.valueOf(e.getMessage())
                    .replace("Use --debug flag to render out invalid YAML", "")
                    .strip();
            throw new ChartException(chart.relativize(valuesFile) + ": helm template failed: " + message, e);
        }
        return split(chart.relativize(valuesFile).toString(), output);
    }

    private List<Manifest> split(String valuesFile, String output) {
        List<Manifest> manifests = new ArrayList<>();
        for (String document : DOCUMENT_SEPARATOR.split(output)) {
            Matcher source = SOURCE.matcher(document);
            String template = source.find() ? source.group(1).replaceFirst("^[^/]+/", "") : "(no source)";
            JsonNode content = read(valuesFile, template, document);
            if (content != null && !content.isNull() && !content.isMissingNode()) {
                manifests.add(new Manifest(valuesFile, template, content));
            }
        }
        return manifests;
    }

    private JsonNode read(String valuesFile, String template, String document) {
        try {
            return yaml.readTree(document);
        } catch (IOException | UncheckedIOException e) {
            throw new ChartException(valuesFile + ": " + template + " is not valid YAML: " + e.getMessage(), e);
        }
    }
}
