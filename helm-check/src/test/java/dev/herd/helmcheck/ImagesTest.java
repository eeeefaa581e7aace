package dev.herd.helmcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each service's chart values name the image its module's Dockerfile.jvm builds, from its fast-jar build. */
class ImagesTest {

    private static final Map<String, String> MODULES = Map.of(
            "hub", "advisory-hub",
            "gateway", "tenant-gateway",
            "portal", "provider-portal",
            "recoveryBroker", "recovery-broker");
    private static final Map<String, Integer> PORTS =
            Map.of("hub", 8081, "gateway", 8082, "portal", 8083, "recoveryBroker", 8084);

    @Test
    void everyServiceHasADockerfileAndTheChartRefersToItsImage() throws IOException {
        Path chart = ChartFixtures.chart();
        JsonNode values = new YAMLMapper().readTree(chart.resolve("values.yaml").toFile());
        for (Map.Entry<String, String> service : MODULES.entrySet()) {
            String module = service.getValue();
            Path dockerfile = chart.resolve("../../" + module + "/src/main/docker/Dockerfile.jvm")
                    .normalize();
            assertTrue(Files.isRegularFile(dockerfile), dockerfile + " is missing");
            String text = Files.readString(dockerfile);
            assertTrue(
                    text.contains("COPY --chown=185 target/quarkus-app/lib/ /deployments/lib/"), dockerfile.toString());
            assertTrue(text.contains("FROM registry.access.redhat.com/ubi9/openjdk-21-runtime"), dockerfile.toString());
            assertTrue(text.contains("EXPOSE " + PORTS.get(service.getKey())), dockerfile.toString());
            assertEquals(
                    "herd/" + module,
                    values.path(service.getKey())
                            .path("image")
                            .path("repository")
                            .asText());
        }
    }
}
