package dev.herd.testing.tenancy;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herd.testing.badinput.BadInputCases;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The tenancy matrix (issue 17): reads the service's own OpenAPI document and calls every operation as every
 * {@link Caller}, naming tenant {@code acme} and provider {@code csaf-demo} in the path and the body; agent operations
 * also as every {@link AgentCaller}. Each answer must be the one the table {@code src/test/resources/tenancy-matrix.csv}
 * gives for the pair, and a success given to a caller of another tenant or provider must not show the home one's data.
 * With {@code -Dherd.tenancy.record=true} the table is written from the answers instead, to be reviewed row by row.
 * Each service runs it with {@code class XTenancyMatrixTest extends TenancyMatrixSuite}.
 */
public abstract class TenancyMatrixSuite {

    /** The tenant every request names. */
    protected static final String TENANT = "acme";

    /** The provider every request names. */
    protected static final String PROVIDER = "csaf-demo";

    /** The other tenant: its callers also try acme's ids under their own tenant's path ({@code :own-tenant-path}). */
    protected static final String OTHER_TENANT = "globex";

    /** The table's suffix for a caller of the other tenant naming its own tenant and acme's ids in the path. */
    static final String OWN_TENANT_PATH = ":own-tenant-path";

    private static final boolean RECORD = Boolean.getBoolean("herd.tenancy.record");
    private static final Set<String> TENANT_FIELDS = Set.of("tenant", "tenantId", "tenant_id");
    private static final Set<String> PROVIDER_FIELDS = Set.of("provider", "providerId", "provider_id");

    private final Map<String, String> observed = new LinkedHashMap<>();
    private final Set<String> readable = new java.util.HashSet<>();

    /** Makes acme's data the requests name (its objects, an enrolled agent …); by default nothing. */
    protected void prepare() {}

    /** The value of a path parameter: an object of acme's where the test made one, else acme, 1 or a fixed UUID. */
    protected String pathValue(Operation operation, String name, JsonNode schema) {
        if ("uuid".equals(schema.path("format").asText())) {
            return "00000000-0000-0000-0000-000000000001";
        }
        String type = schema.path("type").asText();
        return type.equals("integer") || type.equals("number") ? "1" : TENANT;
    }

    /**
     * The body sent: by default {@code sample} with every tenant field set to acme and every provider field to
     * csaf-demo; a test gives a valid one where the sample would be refused before authorisation is decided. The
     * sample is what the MSSP admin reads at the same path for a PUT that has a GET (a replacement with the current
     * state is valid), else the OpenAPI sample.
     */
    protected JsonNode body(Operation operation, JsonNode sample) {
        return name(sample);
    }

    /** The query string the operation needs (without {@code ?}), or null; by default none. */
    protected String query(Operation operation) {
        return null;
    }

    /** Headers the operation needs besides the caller's (called after {@link #body}); by default none. */
    protected Map<String, String> headers(Operation operation) {
        return Map.of();
    }

    /**
     * Text that must not appear in a success answered to a caller of another tenant or provider (see {@link
     * Caller#outsider()}): the home tenant's name as a JSON string, and for the other provider the home provider's.
     */
    protected Set<String> homeMarkers(Operation operation, Caller caller) {
        return caller == Caller.OTHER_PROVIDER
                ? Set.of("\"" + TENANT + "\"", "\"" + PROVIDER + "\"")
                : Set.of("\"" + TENANT + "\"");
    }

    /** Two enrolled agents of acme for the agent operations; null when the service has none. */
    protected AgentCaller.Agents agents() {
        return null;
    }

    /** The table of this service's expected answers. */
    protected Path table() {
        return Path.of("src/test/resources/tenancy-matrix.csv");
    }

    @TestFactory
    Stream<DynamicTest> everyOperationAnswersEveryCallerAsTheTableSays() {
        String document = given().get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        List<Operation> operations = Operations.of(BadInputCases.parse(document));
        operations.stream().filter(each -> each.method().equals("GET")).forEach(each -> readable.add(each.template()));
        assertTrue(!operations.isEmpty(), "no operations in the OpenAPI document");
        prepare();
        AgentCaller.Agents agents = operations.stream().anyMatch(Operation::agent) ? agents() : null;
        ExpectedAnswers table = ExpectedAnswers.read(table());
        List<DynamicTest> tests = new ArrayList<>();
        for (Operation operation : operations) {
            for (Caller caller : Caller.values()) {
                tests.add(DynamicTest.dynamicTest(
                        operation.key() + " as " + caller.tableName(),
                        () -> check(table, operation, caller, bearer(operation, caller, false))));
            }
            if (ownTenantPath(operation)) {
                for (Caller caller : List.of(Caller.OTHER_GATEWAY, Caller.OTHER_TENANT_ADMIN)) {
                    tests.add(DynamicTest.dynamicTest(
                            operation.key() + " as " + caller.tableName() + OWN_TENANT_PATH,
                            () -> check(
                                    table,
                                    operation,
                                    caller.tableName() + OWN_TENANT_PATH,
                                    homeMarkers(operation, caller),
                                    bearer(operation, caller, true))));
                }
            }
            if (operation.agent()) {
                assertTrue(agents != null, operation.key() + " is an agent operation: the test must give agents()");
                for (AgentCaller caller : AgentCaller.values()) {
                    tests.add(DynamicTest.dynamicTest(
                            operation.key() + " as " + caller.tableName(),
                            () -> check(
                                    table, operation, caller.tableName(), Set.of(), agent(operation, caller, agents))));
                }
            }
        }
        tests.add(DynamicTest.dynamicTest("every row of the table is an operation and caller tried", () -> {
            Set<String> stale = new TreeSet<>(table.keys());
            stale.removeAll(observed.keySet());
            if (RECORD) {
                table.record(table(), observed);
            }
            assertEquals(Set.of(), stale, "rows of " + table() + " for operations or callers that no longer exist");
        }));
        return tests.stream();
    }

    /** The operation names a tenant and something of it (an id) in its path. */
    private static boolean ownTenantPath(Operation operation) {
        return operation.pathParameters().size() > 1
                && operation.pathParameters().keySet().stream().anyMatch(TENANT_FIELDS::contains);
    }

    private Response bearer(Operation operation, Caller caller, boolean ownTenantPath) {
        RequestSpecification request = given();
        String token = caller.token();
        if (token != null) {
            request = request.auth().oauth2(token);
        }
        return send(request, operation, ownTenantPath);
    }

    private Response agent(Operation operation, AgentCaller caller, AgentCaller.Agents agents) {
        String nonce = UUID.randomUUID().toString();
        if (caller == AgentCaller.REPLAYED_NONCE) {
            AgentCaller.AGENT
                    .request(agents, nonce)
                    .post(agents.spendPath())
                    .then()
                    .statusCode(200);
        }
        return send(caller.request(agents, nonce), operation, false);
    }

    private Response send(RequestSpecification request, Operation operation, boolean ownTenantPath) {
        Map<String, String> values = new LinkedHashMap<>();
        operation.pathParameters().forEach((name, schema) -> values.put(name, pathValue(operation, name, schema)));
        if (ownTenantPath) {
            values.replaceAll((name, value) -> TENANT_FIELDS.contains(name) ? OTHER_TENANT : value);
        }
        String path = operation.path(values);
        if (operation.sampleBody() != null) {
            JsonNode sample = operation.sampleBody().deepCopy();
            if (operation.method().equals("PUT") && readable.contains(operation.template())) {
                sample = currentState(operation.path(values)).orElse(sample);
            }
            request = request.contentType("application/json")
                    .body(body(operation, sample).toString());
        } else if (operation.bodyType() != null) {
            request = request.contentType(operation.bodyType()).body("herd-tenancy");
        }
        request = request.headers(headers(operation));
        String query = query(operation);
        return request.redirects().follow(false).request(operation.method(), query == null ? path : path + "?" + query);
    }

    /** What the MSSP admin reads at the path (acme's, as the tenant path is acme's), if it reads JSON there. */
    private static java.util.Optional<JsonNode> currentState(String path) {
        Response current = given().auth().oauth2(Caller.MSSP_ADMIN.token()).get(path);
        if (current.statusCode() != 200
                || !String.valueOf(current.contentType()).startsWith("application/json")) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(BadInputCases.parse(current.asString()));
    }

    private void check(ExpectedAnswers table, Operation operation, Caller caller, Response response) {
        check(
                table,
                operation,
                caller.tableName(),
                caller.outsider() ? homeMarkers(operation, caller) : Set.of(),
                response);
    }

    private void check(
            ExpectedAnswers table, Operation operation, String caller, Set<String> markers, Response response) {
        String answer = ExpectedAnswers.answer(response.statusCode());
        String key = ExpectedAnswers.key(operation.key(), caller);
        observed.put(key, answer);
        String body = response.asString();
        String shown = operation.key() + " as " + caller + " -> " + response.statusCode() + " "
                + (body.length() > 300 ? body.substring(0, 300) + "…" : body);
        if (answer.equals("2xx")) {
            for (String marker : markers) {
                assertTrue(
                        !body.contains(marker), "LEAK: another tenant's or provider's data (" + marker + "): " + shown);
            }
        }
        if (caller.startsWith("agent-") && !answer.equals("401") && !answer.equals("403")) {
            fail("an agent request with a bad credential must be refused with 401 or 403: " + shown);
        }
        if (RECORD) {
            return;
        }
        ExpectedAnswers.Row row = table.get(operation.key(), caller);
        if (row == null) {
            fail("no row in " + table() + " for this operation and caller: add `" + key + "," + answer
                    + "` if that answer is right (or record the table with -Dherd.tenancy.record=true and review it): "
                    + shown);
        }
        if (!row.expected().equals(answer)) {
            String what = row.expected().equals("2xx")
                    ? "a lost right"
                    : answer.equals("2xx") ? "an over-privilege (a leak or a write let through)" : "a different answer";
            fail(what + ": the table expects " + row.expected() + ", got " + shown);
        }
    }

    /** Sets the tenant and provider fields of the sample, at any depth, to the home ones. */
    private static JsonNode name(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<String> fields = new ArrayList<>();
            object.fieldNames().forEachRemaining(fields::add);
            for (String field : fields) {
                if (TENANT_FIELDS.contains(field)) {
                    object.put(field, TENANT);
                } else if (PROVIDER_FIELDS.contains(field)) {
                    object.put(field, PROVIDER);
                } else {
                    name(object.get(field));
                }
            }
        } else if (node != null && node.isArray()) {
            node.forEach(TenancyMatrixSuite::name);
        }
        return node;
    }
}
