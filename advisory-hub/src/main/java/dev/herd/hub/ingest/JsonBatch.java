package dev.herd.hub.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herd.contracts.problem.HerdException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.BiConsumer;

/**
 * A request body holding one document (a JSON object) or a batch (a JSON array). The whole body is checked to be
 * JSON before the first document is used, so that a body broken half-way stores nothing; documents are then read
 * one at a time so that a large batch never sits in memory as trees.
 */
public final class JsonBatch {

    private final ObjectMapper json;
    private final byte[] body;

    public JsonBatch(ObjectMapper json, byte[] body) {
        this.json = json;
        this.body = body;
    }

    /** Fails with a 400 problem unless the body is one JSON object or a non-empty array of values. */
    public void requireWellFormed() throws IOException {
        try (JsonParser parser = json.createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT && first != JsonToken.START_ARRAY) {
                throw HerdException.badRequest(
                        "body-not-document", "The body must be one JSON document (an object) or a JSON array of them.");
            }
            if (first == JsonToken.START_ARRAY && parser.nextToken() == JsonToken.END_ARRAY) {
                throw HerdException.badRequest("batch-empty", "The batch holds no document.");
            }
            while (parser.nextToken() != null) {
                parser.skipChildren();
            }
        }
    }

    /** Calls {@code each} with every document and its position in the batch (0 for a single document). */
    public void forEachDocument(BiConsumer<Integer, JsonNode> each) {
        try (JsonParser parser = json.createParser(body)) {
            if (parser.nextToken() == JsonToken.START_OBJECT) {
                each.accept(0, parser.readValueAsTree());
                return;
            }
            int index = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                each.accept(index++, parser.readValueAsTree());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
