package dev.herd.testing.tenancy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * One operation of a service's OpenAPI document as the tenancy matrix sees it: method, path template, the schemas of
 * its path parameters, the media type of its body (or null), a sample JSON body (or null when the body is not JSON)
 * and whether agents call it with their own signed credential.
 */
public record Operation(
        String method,
        String template,
        Map<String, JsonNode> pathParameters,
        String bodyType,
        JsonNode sampleBody,
        boolean agent) {

    /** The name the table uses, e.g. {@code GET /api/tenants/{tenant}/findings}. */
    public String key() {
        return method + " " + template;
    }

    /** The path with each parameter replaced by its value (already fit for a URL). */
    public String path(Map<String, String> values) {
        String path = template;
        for (Map.Entry<String, String> value : values.entrySet()) {
            path = path.replace("{" + value.getKey() + "}", value.getValue());
        }
        return path;
    }
}
