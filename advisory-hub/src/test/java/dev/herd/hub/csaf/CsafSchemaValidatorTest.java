package dev.herd.hub.csaf;

import static dev.herd.hub.csaf.CsafDocuments.json;
import static dev.herd.hub.csaf.CsafDocuments.load;
import static dev.herd.hub.csaf.CsafDocuments.remove;
import static dev.herd.hub.csaf.CsafDocuments.set;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Offline validation against the CSAF 2.0 JSON schema: real documents pass, broken ones are reported where broken. */
class CsafSchemaValidatorTest {

    private static final CsafSchemaValidator VALIDATOR = new CsafSchemaValidator();

    @ParameterizedTest
    @FieldSource("dev.herd.hub.csaf.CsafDocuments#REAL")
    void realDocumentsMatchTheSchema(String name) {
        assertEquals(List.of(), VALIDATOR.validate(load(name)));
    }

    @Test
    void missingRequiredFieldIsReported() {
        ObjectNode document = remove(load("bsi-2022-0001.json"), "/document/title");

        List<SchemaViolation> violations = VALIDATOR.validate(document);

        assertTrue(
                violations.stream()
                        .anyMatch(
                                v -> v.path().equals("/document") && v.message().contains("title")),
                violations::toString);
    }

    @Test
    void wrongTypeIsReported() {
        ObjectNode document = set(load("rhsa-2021_5217.json"), "/document/tracking/revision_history", json("\"1\""));

        List<SchemaViolation> violations = VALIDATOR.validate(document);

        assertTrue(
                violations.stream().anyMatch(v -> v.path().equals("/document/tracking/revision_history")),
                violations::toString);
    }

    @Test
    void invalidDateTimeFormatIsReported() {
        ObjectNode document = set(load("rhsa-2021_5217.json"), "/document/tracking/current_release_date", "yesterday");

        List<SchemaViolation> violations = VALIDATOR.validate(document);

        assertTrue(
                violations.stream().anyMatch(v -> v.path().equals("/document/tracking/current_release_date")),
                violations::toString);
    }

    @Test
    void invalidCvssInsideTheDocumentIsReportedThroughTheReferencedSchema() {
        ObjectNode document = remove(load("bsi-2022-0001.json"), "/vulnerabilities/0/scores/0/cvss_v3/baseSeverity");

        List<SchemaViolation> violations = VALIDATOR.validate(document);

        assertTrue(
                violations.stream().anyMatch(v -> v.path().equals("/vulnerabilities/0/scores/0/cvss_v3")),
                violations::toString);
    }
}
