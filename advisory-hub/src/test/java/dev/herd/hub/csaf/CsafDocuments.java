package dev.herd.hub.csaf;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The real CSAF documents under {@code src/test/resources/csaf/} and small edits to derive failing fixtures. */
final class CsafDocuments {

    static final List<String> REAL = List.of(
            "bsi-2022-0001.json",
            "cisco-sa-20180328-smi2.json",
            "rhsa-2019_1862.json",
            "rhsa-2021_5186.json",
            "rhsa-2021_5217.json",
            "rhsa-2022_0011.json");

    static final ObjectMapper JSON = new ObjectMapper();

    private CsafDocuments() {}

    static ObjectNode load(String name) {
        try (InputStream in = CsafDocuments.class.getResourceAsStream("/csaf/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No test document " + name);
            }
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JSON value from its source text, e.g. {@code json("[\"a\"]")}. */
    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sets (or adds) the member at {@code pointer}, e.g. {@code /document/tracking/status}. */
    static ObjectNode set(ObjectNode document, String pointer, JsonNode value) {
        JsonPointer target = JsonPointer.compile(pointer);
        JsonNode parent = document.at(target.head());
        if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(target.last().getMatchingProperty()), value);
        } else {
            ((ObjectNode) parent).set(target.last().getMatchingProperty(), value);
        }
        return document;
    }

    static ObjectNode set(ObjectNode document, String pointer, String value) {
        return set(document, pointer, JSON.getNodeFactory().textNode(value));
    }

    static ObjectNode remove(ObjectNode document, String pointer) {
        JsonPointer target = JsonPointer.compile(pointer);
        JsonNode parent = document.at(target.head());
        if (parent instanceof ArrayNode array) {
            array.remove(Integer.parseInt(target.last().getMatchingProperty()));
        } else {
            ((ObjectNode) parent).remove(target.last().getMatchingProperty());
        }
        return document;
    }

    /** Appends {@code value} to the array at {@code pointer}. */
    static ObjectNode add(ObjectNode document, String pointer, JsonNode value) {
        ((ArrayNode) document.at(pointer)).add(value);
        return document;
    }

    static ObjectNode add(ObjectNode document, String pointer, String value) {
        return add(document, pointer, JSON.getNodeFactory().textNode(value));
    }
}
