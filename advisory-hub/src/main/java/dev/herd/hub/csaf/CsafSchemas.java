package dev.herd.hub.csaf;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.dialect.DefaultDialectRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import com.networknt.schema.path.PathType;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The CSAF 2.0 JSON schema and the FIRST CVSS schemas it references, read from copies on the classpath: their public
 * URLs (the {@code $id}s and remote {@code $ref}s) are mapped to {@code schemas/csaf/}, so validating never touches
 * the network.
 */
final class CsafSchemas {

    static final String CSAF = "https://docs.oasis-open.org/csaf/csaf/v2.0/csaf_json_schema.json";
    static final String CVSS_V2 = "https://www.first.org/cvss/cvss-v2.0.json";
    static final String CVSS_V30 = "https://www.first.org/cvss/cvss-v3.0.json";
    static final String CVSS_V31 = "https://www.first.org/cvss/cvss-v3.1.json";

    private static final Map<String, String> CLASSPATH_COPIES = Map.of(
            CSAF, "classpath:schemas/csaf/csaf_json_schema.json",
            CVSS_V2, "classpath:schemas/csaf/cvss-v2.0.json",
            CVSS_V30, "classpath:schemas/csaf/cvss-v3.0.json",
            CVSS_V31, "classpath:schemas/csaf/cvss-v3.1.json");

    private CsafSchemas() {}

    /** A registry that resolves the schema URLs above to the classpath and asserts formats such as date-time. */
    static SchemaRegistry registry() {
        SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                .pathType(PathType.JSON_POINTER)
                // CSAF 2.0 section 3 requires RFC 3339 date-times and URIs; draft 2020-12 only annotates formats.
                .formatAssertionsEnabled(true)
                .build();
        // The CVSS schemas (drafts 4 and 7) carry their licence in a "license" member that is no JSON Schema keyword.
        List<Dialect> dialects = Stream.of(Dialects.getDraft4(), Dialects.getDraft7(), Dialects.getDraft202012())
                .map(dialect -> Dialect.builder(dialect)
                        .keyword(new NonValidationKeyword("license"))
                        .build())
                .toList();
        return SchemaRegistry.withDefaultDialect(
                SpecificationVersion.DRAFT_2020_12,
                builder -> builder.dialectRegistry(new DefaultDialectRegistry(dialects))
                        .schemaRegistryConfig(config)
                        .schemaIdResolvers(resolvers -> resolvers.mappings(CsafSchemas::classpathCopy)));
    }

    /**
     * The classpath copy of a public schema URL, or {@code null} for any other IRI. The CVSS schemas declare an
     * {@code id} with a date query ({@code ...cvss-v3.1.json?20211103}) that must land on the same copy.
     */
    private static String classpathCopy(String iri) {
        int query = iri.indexOf('?');
        return CLASSPATH_COPIES.get(query < 0 ? iri : iri.substring(0, query));
    }

    /** Loads one of the schemas above and resolves all its references now, not at first use. */
    static Schema load(SchemaRegistry registry, String iri) {
        Schema schema = registry.getSchema(SchemaLocation.of(iri));
        schema.initializeValidators();
        return schema;
    }

    /** Validates {@code instance}, found at {@code basePath} in the document, and describes each error. */
    static List<SchemaViolation> validate(Schema schema, JsonNode instance, String basePath) {
        return schema.validate(instance).stream()
                .map(error -> new SchemaViolation(basePath + error.getInstanceLocation(), describe(error)))
                .toList();
    }

    private static String describe(Error error) {
        String message = error.getMessage();
        return message == null || message.isBlank() ? error.getKeyword() : message;
    }
}
