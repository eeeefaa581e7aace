package dev.herd.hub.osv;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.herd.hub.ingest.Issue;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The OSV JSON schema (ossf/osv-schema, draft 2020-12), loaded once from the classpath. */
@ApplicationScoped
public class OsvSchema {

    private final Schema schema;

    public OsvSchema() {
        try (InputStream in = OsvSchema.class.getResourceAsStream("/schemas/osv/schema.json")) {
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the OSV schema", e);
        }
    }

    /** Every schema violation of {@code document}, each as an {@code osv-schema} error naming where it is. */
    public List<Issue> check(JsonNode document) {
        return schema.validate(document).stream()
                .map(error -> new Issue("osv-schema", error.getInstanceLocation() + ": " + error.getMessage()))
                .toList();
    }
}
