package dev.herd.testing.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A service's {@code /q/openapi} document held to what Herd promises of it (docs/openapi.md): valid against the OAI's
 * OpenAPI 3.1 schema, and every operation explained, with a summary, a tag, a success response whose body (if it has
 * one) declares its schema, a 4xx problem response and a security requirement, or named as public.
 */
public final class OpenApiDocument {

    /** The component the problem responses refer to (contracts' {@code ProblemResponsesFilter}). */
    public static final String PROBLEM_REF = "#/components/schemas/Problem";

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final Set<String> METHODS =
            Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private OpenApiDocument() {}

    /** Where the document breaks the OpenAPI 3.1 schema, one line each (empty when it is valid). */
    public static List<String> schemaViolations(JsonNode document) {
        return Oas31.SCHEMA.validate(document).stream()
                .map(error -> error.getInstanceLocation() + ": " + error.getMessage())
                .distinct()
                .toList();
    }

    /**
     * Every operation that does not explain itself, one line each naming it ({@code POST /api/x: no summary}), and
     * every public operation named that is not in the document or does have a security requirement.
     *
     * @param publicOperations operations meant to be called without a credential, as {@code METHOD /path}
     */
    public static List<String> unexplainedOperations(JsonNode document, Set<String> publicOperations) {
        List<String> faults = new ArrayList<>();
        if (document.path("components").path("schemas").path("Problem").isMissingNode()) {
            faults.add("components.schemas.Problem is missing");
        }
        Set<String> schemes = fieldNames(document.path("components").path("securitySchemes"));
        List<String> seen = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> entry : path.getValue().properties()) {
                if (!METHODS.contains(entry.getKey())) {
                    continue;
                }
                String name = entry.getKey().toUpperCase() + " " + path.getKey();
                seen.add(name);
                check(name, entry.getValue(), document, schemes, publicOperations.contains(name), faults);
            }
        }
        for (String open : publicOperations) {
            if (!seen.contains(open)) {
                faults.add(open + ": listed as public but not in the document");
            }
        }
        return faults;
    }

    private static void check(
            String name,
            JsonNode operation,
            JsonNode document,
            Set<String> schemes,
            boolean open,
            List<String> faults) {
        if (operation.path("summary").asText("").isBlank()) {
            faults.add(name + ": no summary");
        }
        if (!operation.path("tags").isArray() || operation.path("tags").isEmpty()) {
            faults.add(name + ": no tag");
        }
        successResponses(name, operation.path("responses"), faults);
        boolean problem = false;
        for (Map.Entry<String, JsonNode> response : operation.path("responses").properties()) {
            JsonNode schema =
                    response.getValue().path("content").path(PROBLEM_JSON).path("schema");
            if (response.getKey().startsWith("4")
                    && PROBLEM_REF.equals(schema.path("$ref").asText())) {
                problem = true;
            }
        }
        if (!problem) {
            faults.add(name + ": no 4xx response with " + PROBLEM_JSON + " of " + PROBLEM_REF);
        }
        JsonNode security = operation.has("security") ? operation.get("security") : document.path("security");
        List<String> required = new ArrayList<>();
        security.forEach(requirement -> requirement.fieldNames().forEachRemaining(required::add));
        if (open && !required.isEmpty()) {
            faults.add(name + ": listed as public but requires " + required);
        } else if (!open && required.isEmpty()) {
            faults.add(name + ": no security requirement (and not listed as public)");
        }
        required.stream()
                .filter(scheme -> !schemes.contains(scheme))
                .forEach(scheme -> faults.add(name + ": security scheme '" + scheme + "' is not defined"));
    }

    /**
     * The operation names a 2xx (or 3xx) response, and each 2xx response with a body declares the body's schema for
     * every media type. SmallRye writes an empty schema ({@code {}}) for a method returning {@code Response} with
     * nothing said about its body, and leaves out 2xx altogether where only error responses are annotated; a 2xx
     * response without {@code content} (204, or one declared by hand as bodiless, such as 202) has no body to describe.
     */
    private static void successResponses(String name, JsonNode responses, List<String> faults) {
        boolean success = false;
        for (Map.Entry<String, JsonNode> response : responses.properties()) {
            String code = response.getKey();
            if (code.startsWith("2") || code.startsWith("3")) {
                success = true;
            }
            if (!code.startsWith("2")) {
                continue;
            }
            for (Map.Entry<String, JsonNode> media :
                    response.getValue().path("content").properties()) {
                JsonNode schema = media.getValue().path("schema");
                if (!schema.isObject() || schema.isEmpty()) {
                    faults.add(name + ": " + code + " " + media.getKey() + " has no schema");
                }
            }
        }
        if (!success) {
            faults.add(name + ": no 2xx response");
        }
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /**
     * The schema, loaded on first use: a module whose classpath holds json-schema-validator 1.x (the portal, for
     * cyclonedx-core-java) can still run {@link #unexplainedOperations}.
     */
    private static final class Oas31 {
        static final Schema SCHEMA = load("/openapi/oas-3.1-schema.json");
    }

    private static Schema load(String resource) {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath");
            }
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }
}
