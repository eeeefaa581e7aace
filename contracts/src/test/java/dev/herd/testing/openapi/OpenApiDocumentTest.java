package dev.herd.testing.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The checks every service's OpenAPI document goes through, shown passing a good document and failing bad ones. */
class OpenApiDocumentTest {

    private static final String GOOD = """
            {"openapi": "3.1.0", "info": {"title": "t", "version": "1"},
             "components": {
               "schemas": {"Problem": {"type": "object"}, "Thing": {"type": "object"}},
               "securitySchemes": {"keycloak": {"type": "openIdConnect",
                                                "openIdConnectUrl": "http://localhost/.well-known/openid-configuration"}}},
             "paths": {
               "/api/things/{id}": {"get": {
                 "summary": "Show a thing", "tags": ["Things"],
                 "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
                 "responses": {
                   "200": {"description": "OK",
                           "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}},
                   "404": {"description": "Missing",
                           "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}},
                 "security": [{"keycloak": ["mssp-admin"]}]}},
               "/agent/enrol": {"post": {
                 "summary": "Enrol", "tags": ["Agent"],
                 "responses": {
                   "202": {"description": "Accepted, no body"},
                   "204": {"description": "No body either"},
                   "400": {"description": "Bad",
                           "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}}}}}}
            """;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aGoodDocumentPasses() throws Exception {
        JsonNode document = json.readTree(GOOD);
        assertEquals(List.of(), OpenApiDocument.schemaViolations(document));
        assertEquals(List.of(), OpenApiDocument.unexplainedOperations(document, Set.of("POST /agent/enrol")));
    }

    @Test
    void aDocumentThatBreaksTheOpenApiSchemaFails() throws Exception {
        ObjectNode document = (ObjectNode) json.readTree(GOOD);
        ((ObjectNode) document.get("info")).remove("version");
        ((ObjectNode) document.at("/paths/~1api~1things~1{id}/get")).put("summary", 42);
        List<String> violations = OpenApiDocument.schemaViolations(document);
        assertTrue(
                violations.stream().anyMatch(v -> v.contains("/info") && v.contains("version")), violations::toString);
        assertTrue(violations.stream().anyMatch(v -> v.contains("/summary")), violations::toString);
    }

    @Test
    void anOperationWithoutSummaryTagProblemOrSecurityFails() throws Exception {
        ObjectNode document = (ObjectNode) json.readTree(GOOD);
        ObjectNode operation = (ObjectNode) document.at("/paths/~1api~1things~1{id}/get");
        operation.put("summary", " ");
        operation.set("tags", json.createArrayNode());
        ((ObjectNode) operation.at("/responses/404/content/application~1problem+json/schema"))
                .put("$ref", "#/components/schemas/Other");
        operation.remove("security");
        assertEquals(
                List.of(
                        "GET /api/things/{id}: no summary",
                        "GET /api/things/{id}: no tag",
                        "GET /api/things/{id}: no 4xx response with application/problem+json of "
                                + "#/components/schemas/Problem",
                        "GET /api/things/{id}: no security requirement (and not listed as public)",
                        "POST /agent/enrol: no security requirement (and not listed as public)"),
                OpenApiDocument.unexplainedOperations(document, Set.of()));
    }

    @Test
    void aSuccessResponseWithABodyButNoSchemaFails() throws Exception {
        ObjectNode document = (ObjectNode) json.readTree(GOOD);
        ObjectNode ok = (ObjectNode) document.at("/paths/~1api~1things~1{id}/get/responses/200");
        // what SmallRye writes for a method returning Response with nothing said about its body
        ((ObjectNode) ok.at("/content/application~1json")).putObject("schema");
        ((ObjectNode) ok.get("content")).putObject("text/csv");
        // an operation that declares only its errors, so no success response at all
        ((ObjectNode) document.at("/paths/~1agent~1enrol/post/responses")).remove(List.of("202", "204"));
        assertEquals(
                List.of(
                        "GET /api/things/{id}: 200 application/json has no schema",
                        "GET /api/things/{id}: 200 text/csv has no schema",
                        "POST /agent/enrol: no 2xx response"),
                OpenApiDocument.unexplainedOperations(document, Set.of("POST /agent/enrol")));
    }

    @Test
    void thePublicListMustBeTrue() throws Exception {
        JsonNode document = json.readTree(GOOD);
        assertEquals(
                List.of(
                        "GET /api/things/{id}: listed as public but requires [keycloak]",
                        "GET /agent/gone: listed as public but not in the document"),
                OpenApiDocument.unexplainedOperations(
                        document,
                        new java.util.LinkedHashSet<>(
                                List.of("GET /api/things/{id}", "POST /agent/enrol", "GET /agent/gone"))));
    }

    @Test
    void anUndefinedSchemeOrMissingProblemSchemaFails() throws Exception {
        ObjectNode document = (ObjectNode) json.readTree(GOOD);
        ((ObjectNode) document.get("components")).remove("schemas");
        ArrayNode security = (ArrayNode) document.at("/paths/~1api~1things~1{id}/get/security");
        ((ObjectNode) security.get(0)).putArray("agent");
        List<String> faults = OpenApiDocument.unexplainedOperations(document, Set.of("POST /agent/enrol"));
        assertTrue(faults.contains("components.schemas.Problem is missing"), faults::toString);
        assertTrue(faults.contains("GET /api/things/{id}: security scheme 'agent' is not defined"), faults::toString);
        assertFalse(faults.stream().anyMatch(f -> f.contains("keycloak")), faults::toString);
    }
}
