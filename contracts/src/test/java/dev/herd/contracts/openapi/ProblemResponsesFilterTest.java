package dev.herd.contracts.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.herd.contracts.problem.ProblemDetail;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.junit.jupiter.api.Test;

/** The filter's problem schema matches {@link ProblemDetail}, and each operation gets the problem responses it has. */
class ProblemResponsesFilterTest {

    @Test
    void theProblemSchemaHasTheFieldsOfTheRecord() {
        OpenAPI openApi = filtered(Map.of());
        Schema problem = openApi.getComponents().getSchemas().get(ProblemResponsesFilter.PROBLEM);
        assertEquals(
                names(ProblemDetail.class.getRecordComponents()),
                problem.getProperties().keySet());
        Schema fieldError = openApi.getComponents().getSchemas().get("ProblemFieldError");
        assertEquals(
                names(ProblemDetail.FieldError.class.getRecordComponents()),
                fieldError.getProperties().keySet());
    }

    @Test
    void aSecuredOperationWithAPathParameterGetsTheProblemsItCanAnswer() {
        Operation get = OASFactory.createOperation()
                .addParameter(OASFactory.createParameter().name("id").in(Parameter.In.PATH))
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("200", OASFactory.createAPIResponse().description("OK"))
                        .addAPIResponse("401", OASFactory.createAPIResponse().description("Not Authorized")))
                .addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme("keycloak", "mssp-admin"));
        Operation responses = filtered(Map.of("/api/things/{id}", get))
                .getPaths()
                .getPathItem("/api/things/{id}")
                .getGET();
        assertEquals(
                Set.of("200", "400", "401", "403", "404", "500"),
                responses.getResponses().getAPIResponses().keySet());
        assertNull(responses.getResponses().getAPIResponse("200").getContent());
        for (String code : List.of("400", "401", "403", "404", "500")) {
            APIResponse response = responses.getResponses().getAPIResponse(code);
            assertEquals(
                    "#/components/schemas/Problem",
                    response.getContent()
                            .getMediaType("application/problem+json")
                            .getSchema()
                            .getRef(),
                    code);
        }
        assertEquals(
                "No valid credential was sent.",
                responses.getResponses().getAPIResponse("401").getDescription());
    }

    @Test
    void anAgentOperationWithoutRolesCannotBeForbidden() {
        Operation post = OASFactory.createOperation()
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("200", OASFactory.createAPIResponse().description("OK")))
                .addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme("agent"));
        Operation filtered = filtered(Map.of("/agent/heartbeat", post))
                .getPaths()
                .getPathItem("/agent/heartbeat")
                .getPOST();
        assertEquals(
                Set.of("200", "401", "500"),
                filtered.getResponses().getAPIResponses().keySet());
    }

    @Test
    void aPublicOperationWithoutInputGetsOnlyTheServerErrorAndKeepsWhatItDeclares() {
        Operation post = OASFactory.createOperation()
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("409", OASFactory.createAPIResponse().description("Already done.")));
        Operation filtered = filtered(Map.of("/agent/ping", post))
                .getPaths()
                .getPathItem("/agent/ping")
                .getPOST();
        assertEquals(
                Set.of("409", "500"), filtered.getResponses().getAPIResponses().keySet());
        APIResponse conflict = filtered.getResponses().getAPIResponse("409");
        assertEquals("Already done.", conflict.getDescription());
        assertEquals(
                "#/components/schemas/Problem",
                conflict.getContent()
                        .getMediaType("application/problem+json")
                        .getSchema()
                        .getRef());
    }

    private static OpenAPI filtered(Map<String, Operation> operations) {
        OpenAPI openApi = OASFactory.createOpenAPI().paths(OASFactory.createPaths());
        operations.forEach((path, operation) -> openApi.getPaths()
                .addPathItem(
                        path,
                        path.startsWith("/agent")
                                ? OASFactory.createPathItem().POST(operation)
                                : OASFactory.createPathItem().GET(operation)));
        new ProblemResponsesFilter().filterOpenAPI(openApi);
        return openApi;
    }

    private static Set<String> names(RecordComponent[] components) {
        return Set.copyOf(
                Arrays.stream(components).map(RecordComponent::getName).toList());
    }
}
