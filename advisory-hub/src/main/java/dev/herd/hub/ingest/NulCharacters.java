package dev.herd.hub.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Finds NUL characters in a submitted document: JSON may carry them ({@code \u0000}), but PostgreSQL refuses them in
 * text and jsonb, so a document with one is rejected up front naming each place (a JSON pointer) instead of failing
 * when it is stored.
 */
final class NulCharacters {

    /** Most places named; a document full of NULs needs no longer list to be fixed. */
    private static final int MAX_PLACES = 10;

    private NulCharacters() {}

    /** One error {@code nul-character} per place (member value or member name) holding a NUL, at most ten. */
    static List<Issue> find(JsonNode document) {
        List<Issue> errors = new ArrayList<>();
        walk(document, "", errors);
        return errors;
    }

    private static void walk(JsonNode node, String pointer, List<Issue> errors) {
        if (errors.size() >= MAX_PLACES) {
            return;
        }
        if (node.isTextual() && node.asText().indexOf('\0') >= 0) {
            errors.add(issue(pointer, "text without NUL characters"));
        } else if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String name = field.getKey();
                if (name.indexOf('\0') >= 0) {
                    errors.add(issue(pointer, "member names without NUL characters"));
                    continue;
                }
                walk(field.getValue(), pointer + "/" + name.replace("~", "~0").replace("/", "~1"), errors);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), pointer + "/" + i, errors);
            }
        }
    }

    private static Issue issue(String pointer, String expected) {
        return new Issue(
                "nul-character",
                (pointer.isEmpty() ? "/" : pointer) + ": a NUL character; Herd takes " + expected + ".");
    }
}
