package dev.herd.hub.csaf;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;
import java.util.List;

/**
 * Validates a document against the official CSAF 2.0 JSON schema (with the CVSS v2.0, v3.0 and v3.1 schemas it
 * references), offline. The schema is loaded once per instance; an instance is safe to share between threads.
 */
public final class CsafSchemaValidator {

    private final Schema schema;

    public CsafSchemaValidator() {
        this.schema = CsafSchemas.load(CsafSchemas.registry(), CsafSchemas.CSAF);
    }

    /** Every place where {@code document} violates the schema; empty if it is schema-valid. */
    public List<SchemaViolation> validate(JsonNode document) {
        return CsafSchemas.validate(schema, document, "");
    }
}
