package dev.herd.hub.csaf;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** A node of a CSAF document together with its JSON pointer (RFC 6901), so failures can say where they are. */
record LocatedNode(String path, JsonNode node) {

    static LocatedNode root(JsonNode document) {
        return new LocatedNode("", document);
    }

    /** The member {@code field} of this object; a missing node (still with its path) if there is none. */
    LocatedNode at(String field) {
        return new LocatedNode(path + "/" + field.replace("~", "~0").replace("/", "~1"), node.path(field));
    }

    /** The elements of this array, or none if this is not an array. */
    List<LocatedNode> items() {
        if (!node.isArray()) {
            return List.of();
        }
        List<LocatedNode> items = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            items.add(new LocatedNode(path + "/" + i, node.get(i)));
        }
        return items;
    }

    boolean exists() {
        return !node.isMissingNode() && !node.isNull();
    }

    /** The string value, or {@code null} if this is not a string. */
    String text() {
        return node.isTextual() ? node.asText() : null;
    }
}
