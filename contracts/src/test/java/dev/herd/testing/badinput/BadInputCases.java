package dev.herd.testing.badinput;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Makes the bad requests for every operation of an OpenAPI document: NUL, over-long text, encoded slashes and
 * traversal in each path and query parameter; NUL, 1 MB text, wrong types, unknown enum values and huge numbers in
 * each JSON field; and a deeply nested body. A new endpoint gets its cases without any extra work.
 */
public final class BadInputCases {

    static final String NUL = "%00";
    static final int LONG_PARAMETER = 2000;
    static final int MEGABYTE = 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

    private final JsonNode openApi;
    private final BiFunction<String, JsonNode, String> pathValue;
    private final List<BadInputCase> cases = new ArrayList<>();
    private List<String> roles = List.of();

    private BadInputCases(JsonNode openApi, BiFunction<String, JsonNode, String> pathValue) {
        this.openApi = openApi;
        this.pathValue = pathValue;
    }

    /**
     * The cases for the document; {@code pathValue} gives a good value for a path parameter (name, schema), so that
     * one bad parameter is tried at a time.
     */
    public static List<BadInputCase> of(JsonNode openApi, BiFunction<String, JsonNode, String> pathValue) {
        BadInputCases made = new BadInputCases(openApi, pathValue);
        Iterator<Map.Entry<String, JsonNode>> paths = openApi.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String method : METHODS) {
                JsonNode operation = path.getValue().get(method);
                if (operation != null) {
                    made.operation(method.toUpperCase(), path.getKey(), path.getValue(), operation);
                }
            }
        }
        return made.cases;
    }

    private void operation(String method, String template, JsonNode pathItem, JsonNode operation) {
        roles = new ArrayList<>();
        for (JsonNode requirement : operation.path("security")) {
            requirement.elements().forEachRemaining(scopes -> scopes.forEach(role -> roles.add(role.asText())));
        }
        Map<String, JsonNode> pathParams = new LinkedHashMap<>();
        Map<String, JsonNode> queryParams = new LinkedHashMap<>();
        for (JsonNode list : List.of(pathItem.path("parameters"), operation.path("parameters"))) {
            for (JsonNode param : list) {
                param = resolve(param);
                String in = param.path("in").asText();
                if (in.equals("path")) {
                    pathParams.put(param.path("name").asText(), resolve(param.path("schema")));
                } else if (in.equals("query")) {
                    queryParams.put(param.path("name").asText(), resolve(param.path("schema")));
                }
            }
        }
        Map<String, String> good = new LinkedHashMap<>();
        pathParams.forEach((name, schema) -> good.put(name, pathValue.apply(name, schema)));
        String goodPath = fill(template, good, null, null);
        JsonNode bodySchema = jsonBody(operation);
        String goodBody = bodySchema == null ? null : sample(bodySchema, 0).toString();

        for (Map.Entry<String, JsonNode> param : pathParams.entrySet()) {
            String name = param.getKey();
            Function<String, BadInputCase> with = bad -> new BadInputCase(
                    method,
                    template,
                    roles,
                    fill(template, good, name, bad),
                    null,
                    goodBody,
                    "path " + name + " = " + cut(bad));
            cases.add(with.apply("a" + NUL + "b"));
            cases.add(with.apply("a".repeat(LONG_PARAMETER)));
            cases.add(with.apply("..%2F..%2Fetc%2Fpasswd"));
            BadInputCase dots = with.apply("%2E%2E");
            cases.add(new BadInputCase(
                    dots.method(),
                    dots.template(),
                    dots.roles(),
                    dots.path(),
                    dots.query(),
                    dots.body(),
                    dots.what(),
                    reachedBy(method, dots.path())));
            wrongType(param.getValue()).ifPresent(bad -> cases.add(with.apply(bad)));
        }
        for (Map.Entry<String, JsonNode> param : queryParams.entrySet()) {
            String name = param.getKey();
            Function<String, BadInputCase> with = bad -> new BadInputCase(
                    method, template, roles, goodPath, name + "=" + bad, goodBody, "query " + name + " = " + cut(bad));
            cases.add(with.apply("a" + NUL + "b"));
            cases.add(with.apply("a".repeat(LONG_PARAMETER)));
            if (type(param.getValue()).equals("integer")
                    || type(param.getValue()).equals("number")) {
                cases.add(with.apply("99999999999999999999999999"));
            }
            wrongType(param.getValue()).ifPresent(bad -> cases.add(with.apply(bad)));
            if (param.getValue().has("enum")) {
                cases.add(with.apply("NO_SUCH_VALUE"));
            }
        }
        if (bodySchema != null) {
            body(method, template, goodPath, bodySchema);
        }
    }

    private void body(String method, String template, String path, JsonNode schema) {
        JsonNode good = sample(schema, 0);
        BiFunction<JsonNode, String, BadInputCase> with =
                (bad, what) -> new BadInputCase(method, template, roles, path, null, bad.toString(), what);
        cases.add(new BadInputCase(
                method, template, roles, path, null, "[".repeat(5000) + "]".repeat(5000), "body nested 5000 deep"));
        cases.add(new BadInputCase(method, template, roles, path, null, "\"a\\u0000b\"", "body a string with NUL"));
        if (!(good instanceof ObjectNode object)) {
            if (good instanceof ArrayNode array && array.size() == 1 && array.get(0) instanceof ObjectNode inner) {
                fields(
                        inner,
                        "[0]",
                        mutated -> {
                            ArrayNode copy = NODES.arrayNode();
                            copy.add(mutated);
                            return copy;
                        },
                        resolve(schema.path("items")),
                        with);
            }
            return;
        }
        fields(object, "", mutated -> mutated, schema, with);
    }

    /** One case per bad value of each field of {@code object}, nested objects included. */
    private void fields(
            ObjectNode object,
            String prefix,
            Function<ObjectNode, JsonNode> wrap,
            JsonNode schema,
            BiFunction<JsonNode, String, BadInputCase> with) {
        Iterator<Map.Entry<String, JsonNode>> properties = properties(schema).fields();
        while (properties.hasNext()) {
            Map.Entry<String, JsonNode> property = properties.next();
            String name = property.getKey();
            String field = prefix.isEmpty() ? name : prefix + "." + name;
            JsonNode fieldSchema = resolve(property.getValue());
            for (Map.Entry<String, JsonNode> bad : badValues(fieldSchema).entrySet()) {
                ObjectNode copy = object.deepCopy();
                copy.set(name, bad.getValue());
                cases.add(with.apply(wrap.apply(copy), "body " + field + " = " + bad.getKey()));
            }
            JsonNode value = object.get(name);
            if (value instanceof ObjectNode inner && !prefix.contains(".")) {
                fields(
                        inner,
                        field,
                        mutated -> {
                            ObjectNode copy = object.deepCopy();
                            copy.set(name, mutated);
                            return wrap.apply(copy);
                        },
                        fieldSchema,
                        with);
            }
        }
    }

    private static Map<String, JsonNode> badValues(JsonNode schema) {
        Map<String, JsonNode> bad = new LinkedHashMap<>();
        String type = type(schema);
        switch (type) {
            case "string" -> {
                bad.put("text with NUL", NODES.textNode("a\u0000b"));
                bad.put("1 MB text", NODES.textNode("a".repeat(MEGABYTE)));
                bad.put("an object", NODES.objectNode().put("x", 1));
                if (schema.has("enum")) {
                    bad.put("unknown enum value", NODES.textNode("NO_SUCH_VALUE"));
                }
            }
            case "integer", "number" -> {
                bad.put("huge number", NODES.numberNode(new java.math.BigInteger("9".repeat(400))));
                bad.put("text", NODES.textNode("not a number"));
            }
            case "boolean" -> bad.put("text", NODES.textNode("yes"));
            case "array" -> bad.put("text", NODES.textNode("a\u0000b"));
            default -> bad.put("text with NUL", NODES.textNode("a\u0000b"));
        }
        return bad;
    }

    private static java.util.Optional<String> wrongType(JsonNode schema) {
        return switch (type(schema)) {
            case "integer", "number" -> java.util.Optional.of("not-a-number");
            case "boolean" -> java.util.Optional.of("yes");
            default ->
                "uuid".equals(schema.path("format").asText())
                        ? java.util.Optional.of("not-a-uuid")
                        : java.util.Optional.empty();
        };
    }

    /**
     * A JSON body for the operation good enough to get past the JSON reader (the first enum value, 1, true, a fixed
     * UUID or date, a short text), or null when the operation takes no JSON body; other suites start from it.
     */
    public static JsonNode sampleBody(JsonNode openApi, JsonNode operation) {
        BadInputCases made = new BadInputCases(openApi, (name, schema) -> "");
        JsonNode schema = made.jsonBody(operation);
        return schema == null ? null : made.sample(schema, 0);
    }

    /** A value of the schema good enough to get past the JSON reader. */
    private JsonNode sample(JsonNode schema, int depth) {
        schema = resolve(schema);
        if (depth > 6) {
            return NODES.nullNode();
        }
        if (schema.has("enum")) {
            return schema.get("enum").get(0);
        }
        return switch (type(schema)) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                properties(schema)
                        .fields()
                        .forEachRemaining(p -> object.set(p.getKey(), sample(p.getValue(), depth + 1)));
                yield object;
            }
            case "array" -> NODES.arrayNode().add(sample(schema.path("items"), depth + 1));
            case "integer", "number" -> NODES.numberNode(1);
            case "boolean" -> NODES.booleanNode(true);
            default ->
                switch (schema.path("format").asText()) {
                    case "uuid" -> NODES.textNode("00000000-0000-0000-0000-000000000001");
                    case "date-time" -> NODES.textNode("2026-01-01T00:00:00Z");
                    case "date" -> NODES.textNode("2026-01-01");
                    default -> NODES.textNode("herd-bad-input");
                };
        };
    }

    private JsonNode properties(JsonNode schema) {
        schema = resolve(schema);
        ObjectNode all = NODES.objectNode();
        for (JsonNode part : schema.path("allOf")) {
            all.setAll((ObjectNode) properties(part).deepCopy());
        }
        if (schema.path("properties") instanceof ObjectNode own) {
            all.setAll(own.deepCopy());
        }
        return all;
    }

    private static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode each : type) {
                if (!each.asText().equals("null")) {
                    return each.asText();
                }
            }
        }
        if (type.isTextual()) {
            return type.asText();
        }
        return schema.has("properties") || schema.has("allOf") ? "object" : "";
    }

    private JsonNode jsonBody(JsonNode operation) {
        JsonNode content = resolve(operation.path("requestBody")).path("content");
        JsonNode json = content.path("application/json");
        return json.isMissingNode() ? null : resolve(json.path("schema"));
    }

    private JsonNode resolve(JsonNode node) {
        for (int hops = 0; node.has("$ref") && hops < 10; hops++) {
            String ref = node.get("$ref").asText();
            node = openApi.at(ref.substring(1));
        }
        return node;
    }

    /**
     * The template of the operation with the same method that {@code path} resolves to once its {@code %2E%2E}
     * segment is removed together with the segment before it, as the server does before routing; null when there is
     * none.
     */
    private String reachedBy(String method, String path) {
        List<String> segments = new ArrayList<>(List.of(path.split("/", -1)));
        int dots = segments.indexOf("%2E%2E");
        if (dots < 2) {
            return null;
        }
        segments.remove(dots);
        segments.remove(dots - 1);
        String resolved = String.join("/", segments);
        Iterator<Map.Entry<String, JsonNode>> paths = openApi.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> other = paths.next();
            String pattern = java.util.regex.Pattern.quote(other.getKey()).replaceAll("\\{[^}/]+}", "\\\\E[^/]+\\\\Q");
            if (other.getValue().has(method.toLowerCase()) && resolved.matches(pattern)) {
                return method + " " + other.getKey();
            }
        }
        return null;
    }

    private static String fill(String template, Map<String, String> good, String badName, String bad) {
        String path = template;
        for (Map.Entry<String, String> param : good.entrySet()) {
            String value = param.getKey().equals(badName) ? bad : param.getValue();
            path = path.replace("{" + param.getKey() + "}", value);
        }
        return path;
    }

    private static String cut(String value) {
        return value.length() > 40 ? value.substring(0, 20) + "…(" + value.length() + " chars)" : value;
    }

    public static JsonNode parse(String document) {
        try {
            return JSON.readTree(document);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("the OpenAPI document is not JSON", e);
        }
    }
}
