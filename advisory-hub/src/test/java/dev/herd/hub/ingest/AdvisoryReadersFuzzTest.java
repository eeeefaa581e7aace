package dev.herd.hub.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herd.contracts.problem.HerdException;
import dev.herd.hub.advisory.AdvisoryStatement;
import dev.herd.hub.advisory.DocumentFormat;
import dev.herd.hub.csaf.CsafVerification;
import dev.herd.hub.osv.OsvSchema;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.io.CharConversionException;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

/**
 * Jazzer targets for the CSAF, OSV and KEV readers on the push path: any body is refused as a 400 (malformed JSON, not
 * a document) or each of its documents is rejected with issues or read into statements that satisfy the same
 * constraints as a statement pushed in Herd's own format. Any other exception would be a 500.
 */
class AdvisoryReadersFuzzTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Validator VALIDATOR = Validation.byDefaultProvider()
            .configure()
            .messageInterpolator(new ParameterMessageInterpolator())
            .buildValidatorFactory()
            .getValidator();
    private static final IngestService INGEST =
            new IngestService(new OsvSchema(), new CsafVerification(), null, null, JSON, VALIDATOR);

    @FuzzTest
    void csaf(byte[] body) throws IOException {
        assertReadOrRejected(body, DocumentFormat.CSAF);
    }

    @FuzzTest
    void osv(byte[] body) throws IOException {
        assertReadOrRejected(body, DocumentFormat.OSV);
    }

    @FuzzTest
    void kev(byte[] body) throws IOException {
        assertReadOrRejected(body, DocumentFormat.KEV);
    }

    @Test
    void aStatementWithoutAnIdFailsTheProperty() {
        AdvisoryStatement noId = new AdvisoryStatement(
                "", null, null, null, null, null, null, null, null, false, null, Instant.EPOCH, false);
        assertThrows(AssertionError.class, () -> assertValid(List.of(noId), "{}"));
    }

    /** Mirrors {@code POST /api/advisories}: the batch check, then detection and reading of each document. */
    static void assertReadOrRejected(byte[] body, DocumentFormat format) throws IOException {
        JsonBatch batch = new JsonBatch(JSON, body);
        try {
            batch.requireWellFormed();
        } catch (JsonProcessingException | CharConversionException | HerdException refused) {
            // The first two are answered 400 malformed-json by ProblemDetailsMapper.
            assertTrue(!(refused instanceof HerdException h) || h.status() == 400, refused::toString);
            return;
        }
        List<JsonNode> documents = new ArrayList<>();
        batch.forEachDocument((index, document) -> documents.add(document));
        for (JsonNode document : documents) {
            FormatDetector.documentId(document);
            if (FormatDetector.detect(document).orElse(null) != format) {
                continue; // answered "format-unknown" or read by another target
            }
            List<Issue> errors = new ArrayList<>();
            List<Issue> warnings = new ArrayList<>();
            List<AdvisoryStatement> statements = INGEST.read(format, document, errors, warnings);
            if (errors.isEmpty()) {
                assertValid(statements, document.toString());
            } else {
                assertEquals(List.of(), statements, "a rejected document gave statements");
            }
        }
    }

    private static void assertValid(List<AdvisoryStatement> statements, String document) {
        for (AdvisoryStatement statement : statements) {
            Set<ConstraintViolation<AdvisoryStatement>> violations = VALIDATOR.validate(statement);
            assertTrue(
                    violations.isEmpty(),
                    () -> "verified but not storable: "
                            + violations.stream()
                                    .map(v -> v.getPropertyPath() + " " + v.getMessage())
                                    .collect(Collectors.joining(", "))
                            + " in " + document);
        }
    }
}
