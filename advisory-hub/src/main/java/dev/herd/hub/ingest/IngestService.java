package dev.herd.hub.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herd.hub.advisory.AdvisoryMerger;
import dev.herd.hub.advisory.AdvisoryStatement;
import dev.herd.hub.advisory.DocumentFormat;
import dev.herd.hub.advisory.MergeOutcome;
import dev.herd.hub.advisory.Submission;
import dev.herd.hub.csaf.CsafTranslator;
import dev.herd.hub.csaf.CsafVerification;
import dev.herd.hub.kev.KevTranslator;
import dev.herd.hub.osv.OsvDates;
import dev.herd.hub.osv.OsvRangeChecks;
import dev.herd.hub.osv.OsvSchema;
import dev.herd.hub.osv.OsvTranslator;
import dev.herd.hub.rejection.RejectionLog;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Takes one submitted document through the hub: detect its format, verify it, translate it into statements and
 * store them, each document in its own transaction. A rejected document leaves only its rejection record.
 */
@ApplicationScoped
public class IngestService {

    private static final int STORE_TIMEOUT_SECONDS = 600;

    private static final Logger LOG = Logger.getLogger(IngestService.class);

    private final OsvSchema osvSchema;
    private final CsafVerification csaf;
    private final AdvisoryMerger merger;
    private final RejectionLog rejections;
    private final ObjectMapper json;
    private final Validator validator;

    public IngestService(
            OsvSchema osvSchema,
            CsafVerification csaf,
            AdvisoryMerger merger,
            RejectionLog rejections,
            ObjectMapper json,
            Validator validator) {
        this.osvSchema = osvSchema;
        this.csaf = csaf;
        this.merger = merger;
        this.rejections = rejections;
        this.json = json;
        this.validator = validator;
    }

    /** A verified document waiting to be stored: its statements and the warnings verification gave. */
    public record Verified(
            int index,
            String documentId,
            DocumentFormat format,
            List<AdvisoryStatement> statements,
            List<Issue> warnings) {}

    /**
     * Verifies one document. A rejected document is recorded in the rejection log and answered at once; a good one
     * comes back as {@link Verified}, to be stored with {@link #store}.
     */
    public Verification verify(Submission base, JsonNode document, int index) {
        String documentId = FormatDetector.documentId(document);
        Optional<DocumentFormat> format = FormatDetector.detect(document);
        if (format.isEmpty()) {
            return Verification.rejected(reject(
                    base,
                    index,
                    documentId,
                    null,
                    List.of(
                            new Issue(
                                    "format-unknown",
                                    "Not an OSV, CSAF 2.0, CISA KEV or Herd advisory document (format detected from its fields).")),
                    List.of()));
        }
        List<Issue> errors = new ArrayList<>(NulCharacters.find(document));
        List<Issue> warnings = new ArrayList<>();
        List<AdvisoryStatement> statements =
                errors.isEmpty() ? read(format.get(), document, errors, warnings) : List.of();
        if (!errors.isEmpty()) {
            return Verification.rejected(reject(base, index, documentId, format.get(), errors, warnings));
        }
        return Verification.verified(new Verified(index, documentId, format.get(), statements, warnings));
    }

    /**
     * Stores verified documents, many per transaction for speed. Should a transaction fail, its documents are
     * stored again one per transaction, so that one bad apple costs only its own document.
     */
    public List<IngestResult> store(Submission base, List<Verified> documents) {
        try {
            // One KEV catalogue is one document of 1,400 statements: allow it far more than the 60 s default.
            return QuarkusTransaction.requiringNew()
                    .timeout(STORE_TIMEOUT_SECONDS)
                    .call(() -> documents.stream()
                            .map(document -> storeOne(base, document))
                            .toList());
        } catch (RuntimeException e) {
            if (documents.size() == 1) {
                return List.of(failed(documents.get(0), e));
            }
            List<IngestResult> results = new ArrayList<>();
            for (Verified document : documents) {
                results.addAll(store(base, List.of(document)));
            }
            return results;
        }
    }

    private IngestResult storeOne(Submission base, Verified document) {
        Submission submission = new Submission(
                base.providerId(),
                base.trustTier(),
                base.verified(),
                document.format(),
                base.submittedBy(),
                base.receivedAt());
        List<MergeOutcome> outcomes = document.statements().stream()
                .map(statement -> merger.merge(submission, statement))
                .toList();
        return answer(document.index(), document.documentId(), document.format(), outcomes, document.warnings());
    }

    private static IngestResult failed(Verified document, RuntimeException e) {
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "Storing document %s failed, incident %s", document.documentId(), incident);
        return IngestResult.rejected(
                document.index(),
                document.documentId(),
                document.format(),
                List.of(new Issue(
                        "store-failed",
                        "Herd could not store this document; nothing of it was kept. Incident " + incident + ".")),
                document.warnings());
    }

    /** A document after verification: either already answered (rejected) or verified and waiting to be stored. */
    public record Verification(IngestResult rejected, Verified verified) {

        static Verification rejected(IngestResult result) {
            return new Verification(result, null);
        }

        static Verification verified(Verified document) {
            return new Verification(null, document);
        }
    }

    /** The statements of one document of a detected format, or its errors; package-private for the fuzz targets. */
    List<AdvisoryStatement> read(DocumentFormat format, JsonNode document, List<Issue> errors, List<Issue> warnings) {
        List<AdvisoryStatement> statements = translate(format, document, errors, warnings);
        // A translated statement meets the constraints a Herd document is held to (ids of at most 200 characters
        // ...): otherwise it would pass verification and then fail to store.
        statements.forEach(statement -> validator
                .validate(statement)
                .forEach(v -> errors.add(new Issue("statement-invalid", v.getPropertyPath() + ": " + v.getMessage()))));
        return errors.isEmpty() ? statements : List.of();
    }

    private List<AdvisoryStatement> translate(
            DocumentFormat format, JsonNode document, List<Issue> errors, List<Issue> warnings) {
        return switch (format) {
            case OSV -> {
                errors.addAll(osvSchema.check(document));
                // Also on schema failures: the range rule names the broken range more plainly than the schema.
                OsvRangeChecks.check(document, errors, warnings);
                OsvDates.check(document, errors);
                yield errors.isEmpty() ? List.of(OsvTranslator.translate(document)) : List.of();
            }
            case KEV -> {
                errors.addAll(KevTranslator.check(document));
                yield errors.isEmpty() ? KevTranslator.translate(document) : List.of();
            }
            case HERD -> readHerd(document, errors);
            case CSAF -> {
                csaf.check(document, errors, warnings);
                yield errors.isEmpty() ? CsafTranslator.translate(document, errors, warnings) : List.of();
            }
            // FormatDetector never names it: STIX bundles have their own push (dev.herd.hub.stix.StixBundleResource).
            case STIX -> throw new IllegalStateException("STIX bundles are pushed to /api/advisories/stix");
        };
    }

    private List<AdvisoryStatement> readHerd(JsonNode document, List<Issue> errors) {
        ObjectNode fields = ((ObjectNode) document.deepCopy());
        fields.remove("format");
        AdvisoryStatement statement;
        try {
            statement = json.treeToValue(fields, AdvisoryStatement.class);
        } catch (Exception e) {
            errors.add(new Issue(
                    "herd-schema",
                    "Not a Herd advisory: " + e.getMessage().lines().findFirst().orElse("")));
            return List.of();
        }
        validator
                .validate(statement)
                .forEach(v -> errors.add(new Issue("herd-schema", v.getPropertyPath() + ": " + v.getMessage())));
        return errors.isEmpty() ? List.of(statement) : List.of();
    }

    private IngestResult reject(
            Submission submission,
            int index,
            String documentId,
            DocumentFormat format,
            List<Issue> errors,
            List<Issue> warnings) {
        rejections.record(submission, documentId, format, errors);
        return IngestResult.rejected(index, documentId, format, errors, warnings);
    }

    private static IngestResult answer(
            int index, String documentId, DocumentFormat format, List<MergeOutcome> outcomes, List<Issue> warnings) {
        List<Issue> allWarnings = new ArrayList<>(warnings);
        outcomes.stream()
                .filter(o -> !o.alsoMatched().isEmpty())
                .forEach(o -> allWarnings.add(new Issue(
                        "aliases-span-advisories",
                        "Stored in " + o.advisoryId() + "; its aliases also name " + o.alsoMatched()
                                + ", which stay separate.")));
        if (outcomes.size() == 1) {
            MergeOutcome only = outcomes.get(0);
            IngestStatus status = status(only.kind());
            return new IngestResult(
                    index,
                    status,
                    only.advisoryId(),
                    status == IngestStatus.MERGED ? only.advisoryId() : null,
                    documentId,
                    format,
                    null,
                    List.of(),
                    allWarnings);
        }
        Map<MergeOutcome.Kind, Integer> byKind = new EnumMap<>(MergeOutcome.Kind.class);
        outcomes.forEach(o -> byKind.merge(o.kind(), 1, Integer::sum));
        IngestStatus status =
                byKind.containsKey(MergeOutcome.Kind.CREATED) || byKind.containsKey(MergeOutcome.Kind.UPDATED)
                        ? IngestStatus.ACCEPTED
                        : byKind.containsKey(MergeOutcome.Kind.MERGED) ? IngestStatus.MERGED : IngestStatus.UNCHANGED;
        Map<String, Integer> counts = new LinkedHashMap<>();
        byKind.forEach((kind, n) -> counts.put(kind.name().toLowerCase(java.util.Locale.ROOT), n));
        return new IngestResult(index, status, documentId, null, documentId, format, counts, List.of(), allWarnings);
    }

    private static IngestStatus status(MergeOutcome.Kind kind) {
        return switch (kind) {
            case CREATED, UPDATED -> IngestStatus.ACCEPTED;
            case MERGED -> IngestStatus.MERGED;
            case UNCHANGED -> IngestStatus.UNCHANGED;
        };
    }
}
