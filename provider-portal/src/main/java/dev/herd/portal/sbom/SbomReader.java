package dev.herd.portal.sbom;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Tells CycloneDX JSON from SPDX JSON and reads either; anything else, and any document with a NUL character, is a
 * 400 problem (PostgreSQL text cannot hold NUL).
 */
@ApplicationScoped
public class SbomReader {

    private final ObjectMapper json;
    private final SbomConfig config;

    public SbomReader(ObjectMapper json, SbomConfig config) {
        this.json = json;
        this.config = config;
    }

    public ParsedSbom read(byte[] body) {
        for (byte b : body) {
            if (b == 0) {
                throw SbomProblems.nul();
            }
        }
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw SbomProblems.notJson(e.getOriginalMessage());
        } catch (IOException e) {
            throw SbomProblems.notJson(e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw SbomProblems.notJson("expected one JSON object.");
        }
        if (hasNul(root)) {
            throw SbomProblems.nul();
        }
        ParsedSbom parsed;
        if (root.has("bomFormat")) {
            parsed = CycloneDxReader.read(body, root, config.maxComponents());
        } else if (root.has("spdxVersion")) {
            parsed = SpdxReader.read(root, config.maxComponents());
        } else {
            throw SbomProblems.unknownFormat();
        }
        return parsed;
    }

    /** Whether any string or field name of the document holds a NUL (written escaped, as JSON allows). */
    private static boolean hasNul(JsonNode root) {
        Deque<JsonNode> pending = new ArrayDeque<>();
        pending.push(root);
        while (!pending.isEmpty()) {
            JsonNode node = pending.pop();
            if (node.isTextual() && node.asText().indexOf('\0') >= 0) {
                return true;
            }
            if (node.isObject()) {
                for (var field : node.properties()) {
                    if (field.getKey().indexOf('\0') >= 0) {
                        return true;
                    }
                    pending.push(field.getValue());
                }
            } else if (node.isArray()) {
                node.forEach(pending::push);
            }
        }
        return false;
    }
}
