package dev.herd.helmcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** A valid Deployment passes; each kind of mistake the API server refuses is reported with where it is. */
class ManifestValidatorTest {

    private final ManifestValidator validator = new ManifestValidator();

    @Test
    void aValidDeploymentHasNoViolation() {
        assertEquals(List.of(), violations(deployment -> {}));
    }

    @Test
    void anUnknownFieldIsReported() {
        List<String> violations = violations(deployment -> ((ObjectNode) deployment.path("spec")).put("replica", 2));

        assertEquals(1, violations.size(), violations.toString());
        assertTrue(violations.getFirst().startsWith("/spec")
                && violations.getFirst().contains("replica"));
    }

    @Test
    void aWrongTypeIsReported() {
        List<String> violations =
                violations(deployment -> ((ObjectNode) deployment.path("spec")).put("replicas", "two"));

        assertEquals(1, violations.size(), violations.toString());
        assertTrue(violations.getFirst().startsWith("/spec/replicas"), violations.toString());
    }

    @Test
    void aMissingRequiredFieldIsReported() {
        List<String> violations = violations(deployment -> ((ObjectNode) container(deployment)).remove("name"));

        assertEquals(1, violations.size(), violations.toString());
        assertTrue(
                violations.getFirst().startsWith("/spec/template/spec/containers/0")
                        && violations.getFirst().contains("name"),
                violations.toString());
    }

    @Test
    void aRequiredFieldSetToNullIsMissing() {
        List<String> violations = violations(deployment -> ((ObjectNode) deployment.path("spec")).putNull("selector"));

        assertEquals(1, violations.size(), violations.toString());
        assertTrue(violations.getFirst().contains("selector"), violations.toString());
    }

    @Test
    void aQuantityThatIsNoQuantityIsReported() {
        List<String> violations = violations(deployment ->
                ((ObjectNode) container(deployment).path("resources").path("limits")).put("cpu", "lots"));

        assertEquals(1, violations.size(), violations.toString());
        assertTrue(violations.getFirst().startsWith("/spec/template/spec/containers/0/resources/limits/cpu"));
    }

    @Test
    void aNameIsRequired() {
        List<String> violations = violations(deployment -> ((ObjectNode) deployment.path("metadata")).remove("name"));

        assertEquals(1, violations.size(), violations.toString());
        assertTrue(violations.getFirst().startsWith("/metadata"), violations.toString());
    }

    @Test
    void aKindTheCheckDoesNotKnowIsReportedNotSkipped() {
        List<String> violations =
                violations(deployment -> ((ObjectNode) deployment).put("apiVersion", "extensions/v1beta1"));

        assertEquals(1, violations.size(), violations.toString());
        assertTrue(violations.getFirst().contains("not a kind the check knows"), violations.toString());
    }

    private List<String> violations(Consumer<JsonNode> change) {
        JsonNode deployment = read("/manifests/deployment.yaml");
        change.accept(deployment);
        return validator.violations(new Manifest("test", "deployment.yaml", deployment));
    }

    private static JsonNode container(JsonNode deployment) {
        return ((ArrayNode)
                        deployment.path("spec").path("template").path("spec").path("containers"))
                .get(0);
    }

    private static JsonNode read(String resource) {
        try (InputStream in = ManifestValidatorTest.class.getResourceAsStream(resource)) {
            return new YAMLMapper().readTree(in);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
