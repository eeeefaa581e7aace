package dev.herd.helmcheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;

/** Validates rendered manifests against the Kubernetes API's schemas ({@link KubernetesSchemas}). */
final class ManifestValidator {

    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder()
                    .pathType(PathType.JSON_POINTER)
                    .build()));
    private final Map<String, Schema> schemas = new HashMap<>();

    /** What is wrong with the manifest, one line each, or nothing when the API server would take it. */
    List<String> violations(Manifest manifest) {
        String key = manifest.apiVersion() + " " + manifest.kind();
        if (!schemas.containsKey(key)) {
            schemas.put(
                    key,
                    KubernetesSchemas.of(manifest.apiVersion(), manifest.kind())
                            .map(registry::getSchema)
                            .orElse(null));
        }
        Schema schema = schemas.get(key);
        if (schema == null) {
            return List.of("apiVersion '" + manifest.apiVersion() + "' with kind '" + manifest.kind()
                    + "' is not a kind the check knows (KubernetesSchemas.KINDS)");
        }
        return schema.validate(withoutNulls(manifest.content().deepCopy())).stream()
                .map(error -> error.getInstanceLocation() + ": " + error.getMessage())
                .distinct()
                .toList();
    }

    /** The API server treats {@code key: null} as an absent key, so the check does too (a required key is missing). */
    private static JsonNode withoutNulls(JsonNode node) {
        if (node instanceof ObjectNode object) {
            Iterator<Entry<String, JsonNode>> fields = object.properties().iterator();
            while (fields.hasNext()) {
                Entry<String, JsonNode> field = fields.next();
                if (field.getValue().isNull()) {
                    fields.remove();
                } else {
                    withoutNulls(field.getValue());
                }
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(ManifestValidator::withoutNulls);
        }
        return node;
    }
}
