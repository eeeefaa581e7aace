package dev.herd.helmcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The chart rendered by the real Helm with every CI values file, and the ways a broken chart must fail. */
class ChartCheckTest {

    @TempDir
    Path temp;

    @Test
    void everyCiValuesFileRendersManifestsTheApiServerAccepts() {
        ChartReport report = new ChartCheck(ChartFixtures.chart()).run();

        assertEquals(List.of(), report.problems());
        assertTrue(report.valuesFiles() >= 3, report.summary());
        assertTrue(report.manifests() >= 30, report.summary());
        System.out.println(report.summary());
    }

    @Test
    void aTemplateHelmCannotRenderFailsTheCheck() throws IOException {
        Path chart = ChartFixtures.copyWithValues(temp);
        ChartFixtures.addMinimalValues(chart);
        Files.writeString(
                chart.resolve("templates/hub/broken.yaml"),
                "kind: {{ .Values.hub.image.repository | noSuchFunction }}\n");

        ChartReport report = new ChartCheck(chart).run();

        assertFalse(report.valid());
        assertTrue(
                report.problems().getFirst().contains("helm template failed")
                        && report.problems().getFirst().contains("noSuchFunction"),
                report.problems().toString());
    }

    @Test
    void aTemplateThatRendersNoYamlFailsTheCheck() throws IOException {
        Path chart = ChartFixtures.copyWithValues(temp);
        ChartFixtures.addMinimalValues(chart);
        Files.writeString(chart.resolve("templates/hub/unbalanced.yaml"), "metadata: {name: [unclosed\n");

        ChartReport report = new ChartCheck(chart).run();

        assertFalse(report.valid());
        assertTrue(
                report.problems().getFirst().contains("unbalanced.yaml"),
                report.problems().toString());
    }

    @Test
    void manifestsWithAnUnknownFieldAWrongTypeOrAMissingRequiredFieldFailTheCheck() {
        Path chart = ChartFixtures.copyWithValues(temp, "bad-manifest-values.yaml");

        ChartReport report = new ChartCheck(chart).run();

        String problems = String.join("\n", report.problems());
        assertFalse(report.valid());
        assertTrue(problems.contains("templates/hub/deployment.yaml") && problems.contains("valu"), problems);
        assertTrue(problems.contains("templates/portal/deployment.yaml") && problems.contains("/value"), problems);
        assertTrue(problems.contains("templates/gateway/deployment.yaml") && problems.contains("key"), problems);
        assertEquals(3, report.problems().size(), problems);
    }

    @Test
    void aValueTheChartDoesNotHaveIsRefusedByItsValuesSchema() {
        Path chart = ChartFixtures.copyWithValues(temp, "typo-values.yaml");

        ChartReport report = new ChartCheck(chart).run();

        assertFalse(report.valid());
        assertTrue(
                report.problems().getFirst().contains("replicas"),
                report.problems().toString());
    }

    @Test
    void aChartWithoutCiValuesFilesFailsTheCheck() {
        Path chart = ChartFixtures.copyWithValues(temp);

        ChartReport report = new ChartCheck(chart).run();

        assertFalse(report.valid());
        assertTrue(
                report.problems().getFirst().contains("no values files"),
                report.problems().toString());
    }
}
