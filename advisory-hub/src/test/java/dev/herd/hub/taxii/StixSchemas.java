package dev.herd.hub.taxii;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The OASIS STIX 2.1 JSON schemas vendored under {@code src/test/resources/stix2.1} (see SOURCE.md there): their
 * {@code $id} URLs map to the copies, so validating never touches the network.
 */
public final class StixSchemas {

    private static final String PUBLIC =
            "http://raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/schemas/";
    private static final String COPY = "classpath:stix2.1/schemas/";
    private static final Map<String, String> FOLDER = Map.of(
            "indicator", "sdos",
            "identity", "sdos",
            "marking-definition", "common",
            "bundle", "common",
            "relationship", "sros",
            "malware", "sdos");

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder()
                            .pathType(PathType.JSON_POINTER)
                            .formatAssertionsEnabled(true)
                            .build())
                    .schemaIdResolvers(resolvers -> resolvers.mappings(
                            iri -> iri.startsWith(PUBLIC) ? COPY + iri.substring(PUBLIC.length()) : null)));
    private static final Map<String, Schema> LOADED = new ConcurrentHashMap<>();

    private StixSchemas() {}

    /** Every schema error of {@code object} against the schema of its {@code type}; an unknown type is one error. */
    public static List<String> errors(JsonNode object) {
        String type = object.path("type").asText();
        String folder = FOLDER.get(type);
        if (folder == null) {
            return List.of("no vendored schema for type '" + type + "'");
        }
        Schema schema = LOADED.computeIfAbsent(type, t -> {
            Schema loaded = REGISTRY.getSchema(SchemaLocation.of(PUBLIC + folder + "/" + t + ".json"));
            loaded.initializeValidators();
            return loaded;
        });
        return schema.validate(object).stream()
                .map(error -> error.getInstanceLocation() + ": " + error.getMessage())
                .toList();
    }
}
