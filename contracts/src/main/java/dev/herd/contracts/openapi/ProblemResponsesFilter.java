package dev.herd.contracts.openapi;

import dev.herd.contracts.problem.ProblemDetail;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

/**
 * Describes every service's errors in its OpenAPI document: the RFC 9457 problem body as the shared schema
 * {@code Problem}, and on each operation the problem responses the edge gives it (400 for input, 401 where it is
 * secured, 403 where it allows only some roles, 404 where the path names something, 500 always); a 4xx or 5xx an
 * operation declares itself gets the same body. Registered for every service with {@code mp.openapi.filter} in
 * contracts' config.
 */
public class ProblemResponsesFilter implements OASFilter {

    /** The component schema name of {@link ProblemDetail}. */
    public static final String PROBLEM = "Problem";

    private static final String FIELD_ERROR = "ProblemFieldError";

    private static final Map<String, String> DESCRIPTIONS = Map.of(
            "400", "The request is not valid: a malformed body, a wrong value or a broken rule (`errors` says which).",
            "401", "No valid credential was sent.",
            "403", "The caller's role does not allow this operation.",
            "404", "Nothing by that name is visible to the caller (another tenant's object is answered alike).",
            "409", "The object's state does not allow this now.",
            "413", "The body is larger than this operation accepts.",
            "429", "The caller sent too many requests; Retry-After says when to try again.",
            "500", "Something failed on the server; the body names only an incident id to quote to support.");

    @Override
    public void filterOpenAPI(OpenAPI openApi) {
        if (openApi.getComponents() == null) {
            openApi.setComponents(OASFactory.createComponents());
        }
        openApi.getComponents().addSchema(PROBLEM, problemSchema()).addSchema(FIELD_ERROR, fieldErrorSchema());
        if (openApi.getPaths() == null || openApi.getPaths().getPathItems() == null) {
            return;
        }
        openApi.getPaths()
                .getPathItems()
                .forEach((path, item) ->
                        item.getOperations().values().forEach(operation -> describeProblems(path, operation)));
    }

    private static void describeProblems(String path, Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        boolean takesInput = operation.getRequestBody() != null
                || (operation.getParameters() != null
                        && !operation.getParameters().isEmpty());
        List<SecurityRequirement> security = operation.getSecurity() == null ? List.of() : operation.getSecurity();
        boolean secured = security.stream()
                .anyMatch(requirement -> requirement.getSchemes() != null
                        && !requirement.getSchemes().isEmpty());
        // Quarkus lists an operation's @RolesAllowed as the scopes of its requirement: only then can a role be wrong.
        boolean roles = security.stream()
                .filter(requirement -> requirement.getSchemes() != null)
                .flatMap(requirement -> requirement.getSchemes().values().stream())
                .anyMatch(scopes -> scopes != null && !scopes.isEmpty());
        if (takesInput) {
            ensure(responses, "400");
        }
        if (secured) {
            ensure(responses, "401");
        }
        if (roles) {
            ensure(responses, "403");
        }
        if (path.contains("{")) {
            ensure(responses, "404");
        }
        ensure(responses, "500");
        responses.getAPIResponses().forEach((code, response) -> {
            if (isError(code) && response.getRef() == null && response.getContent() == null) {
                response.setContent(problemContent());
                if (DESCRIPTIONS.containsKey(code) && isGeneric(response.getDescription())) {
                    response.setDescription(DESCRIPTIONS.get(code));
                }
            }
        });
    }

    private static void ensure(APIResponses responses, String code) {
        if (!responses.hasAPIResponse(code)) {
            responses.addAPIResponse(code, OASFactory.createAPIResponse().description(DESCRIPTIONS.get(code)));
        }
    }

    private static boolean isError(String code) {
        return code.startsWith("4") || code.startsWith("5");
    }

    /** SmallRye's own descriptions of the 401 and 403 it adds for secured operations. */
    private static boolean isGeneric(String description) {
        return description == null
                || List.of("", "Not Authorized", "Not Allowed").contains(description);
    }

    private static Content problemContent() {
        return OASFactory.createContent()
                .addMediaType(
                        ProblemDetail.MEDIA_TYPE,
                        OASFactory.createMediaType()
                                .schema(OASFactory.createSchema().ref(PROBLEM)));
    }

    private static Schema problemSchema() {
        return OASFactory.createSchema()
                .type(List.of(Schema.SchemaType.OBJECT))
                .description("An RFC 9457 problem details body, with Herd's stable error `code` and per-field"
                        + " `errors` as extensions. Never a stack trace.")
                .required(List.of("type", "title", "status", "code"))
                .addProperty(
                        "type", string("uri", "Identifies the kind of problem: " + ProblemDetail.TYPE_BASE + "<code>."))
                .addProperty("title", string(null, "The HTTP reason phrase of the status."))
                .addProperty(
                        "status",
                        OASFactory.createSchema()
                                .type(List.of(Schema.SchemaType.INTEGER))
                                .description("The HTTP status code."))
                .addProperty("detail", string(null, "What went wrong, for people."))
                .addProperty("instance", string("uri-reference", "The path of the request that failed."))
                .addProperty("code", string(null, "Herd's stable, machine-readable error code, e.g. `not-found`."))
                .addProperty(
                        "errors",
                        OASFactory.createSchema()
                                .type(List.of(Schema.SchemaType.ARRAY))
                                .description("Each error in the request, for validation failures.")
                                .items(OASFactory.createSchema().ref(FIELD_ERROR)));
    }

    private static Schema fieldErrorSchema() {
        return OASFactory.createSchema()
                .type(List.of(Schema.SchemaType.OBJECT))
                .description("One error inside a problem.")
                .required(List.of("code", "message"))
                .addProperty("field", string(null, "Where the error is, as the client wrote it; absent if nowhere."))
                .addProperty("code", string(null, "The rule it broke, e.g. `NotBlank`, `Size`."))
                .addProperty("message", string(null, "What is wrong, for people."));
    }

    private static Schema string(String format, String description) {
        Schema schema = OASFactory.createSchema()
                .type(List.of(Schema.SchemaType.STRING))
                .description(description);
        return format == null ? schema : schema.format(format);
    }
}
