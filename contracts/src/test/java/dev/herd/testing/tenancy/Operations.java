package dev.herd.testing.tenancy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herd.testing.badinput.BadInputCases;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads every operation of an OpenAPI document, reads first and deletions last, so that a new endpoint joins the
 * matrix by itself. An operation that takes the {@code X-Herd-Nonce} header is an agent operation.
 */
public final class Operations {

    static final String AGENT_NONCE = "X-Herd-Nonce";
    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

    private Operations() {}

    public static List<Operation> of(JsonNode openApi) {
        List<Operation> all = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = openApi.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String method : METHODS) {
                JsonNode operation = path.getValue().get(method);
                if (operation != null) {
                    all.add(operation(openApi, method.toUpperCase(), path.getKey(), path.getValue(), operation));
                }
            }
        }
        all.sort(
                Comparator.comparingInt((Operation each) -> rank(each.method())).thenComparing(Operation::template));
        return all;
    }

    private static Operation operation(
            JsonNode openApi, String method, String template, JsonNode pathItem, JsonNode operation) {
        Map<String, JsonNode> pathParameters = new LinkedHashMap<>();
        boolean agent = false;
        for (JsonNode list : List.of(pathItem.path("parameters"), operation.path("parameters"))) {
            for (JsonNode parameter : list) {
                parameter = resolve(openApi, parameter);
                String in = parameter.path("in").asText();
                String name = parameter.path("name").asText();
                if (in.equals("path")) {
                    pathParameters.put(name, resolve(openApi, parameter.path("schema")));
                } else if (in.equals("header") && name.equalsIgnoreCase(AGENT_NONCE)) {
                    agent = true;
                }
            }
        }
        JsonNode sample = BadInputCases.sampleBody(openApi, operation);
        Iterator<String> types =
                resolve(openApi, operation.path("requestBody")).path("content").fieldNames();
        String bodyType = sample != null ? "application/json" : types.hasNext() ? types.next() : null;
        return new Operation(method, template, pathParameters, bodyType, sample, agent);
    }

    private static int rank(String method) {
        return switch (method) {
            case "GET" -> 0;
            case "DELETE" -> 2;
            default -> 1;
        };
    }

    private static JsonNode resolve(JsonNode openApi, JsonNode node) {
        for (int hops = 0; node.has("$ref") && hops < 10; hops++) {
            node = openApi.at(node.get("$ref").asText().substring(1));
        }
        return node;
    }
}
