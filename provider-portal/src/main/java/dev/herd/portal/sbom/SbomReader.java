package dev.herd.portal.sbom;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Reads an SBOM in the encoding its Content-Type names: JSON (CycloneDX or SPDX, told apart by their fields), CycloneDX
 * XML or SPDX tag-value; anything else, and any document with a NUL character, is a 400 problem (PostgreSQL text
 * cannot hold NUL).
 */
@ApplicationScoped
public class SbomReader {

    private final ObjectMapper json;
    private final SbomConfig config;

    public SbomReader(ObjectMapper json, SbomConfig config) {
        this.json = json;
        this.config = config;
    }

    public ParsedSbom read(byte[] body, SbomEncoding encoding) {
        for (byte b : body) {
            if (b == 0) {
                throw SbomProblems.nul();
            }
        }
        return switch (encoding) {
            case JSON -> readJson(body);
            case XML -> CycloneDxXmlReader.read(body, config.maxComponents());
            case TAG_VALUE -> SpdxTagValueReader.read(body, config.maxComponents());
        };
    }

    private ParsedSbom readJson(byte[] body) {
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
        if (root.has("bomFormat")) {
            return CycloneDxReader.read(body, root, config.maxComponents());
        }
        if (root.has("spdxVersion")) {
            return SpdxReader.read(root, config.maxComponents());
        }
        throw SbomProblems.unknownFormat();
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
