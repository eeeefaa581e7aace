package dev.herd.gateway.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herd.contracts.problem.BoundedBody;
import dev.herd.contracts.problem.HerdException;
import dev.herd.contracts.problem.ProblemDetail.FieldError;
import dev.herd.gateway.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Reads a report body up to the size limit (413 beyond), parses it and checks the fields the gateway relies on. */
@ApplicationScoped
public class ReportReader {

    /** A parsed, checked report with the JSON text exactly as it was sent. */
    public record Parsed(ReportSubmission submission, String raw) {}

    private static final Set<String> KINDS = Set.of("FULL", "DELTA");

    private final ObjectMapper json;
    private final GatewayConfig config;

    public ReportReader(ObjectMapper json, GatewayConfig config) {
        this.json = json;
        this.config = config;
    }

    public Parsed read(byte[] body) throws IOException {
        BoundedBody.check(body, config.reports().maxBodyBytes(), "report-too-large", "a report");
        // One pass: the submission straight from the bytes (no tree in between); the text is kept as it came.
        if (!startsWithObject(body)) {
            throw HerdException.badRequest("malformed-json", "The body must be one JSON object.");
        }
        ReportSubmission submission = json.readValue(body, ReportSubmission.class);
        List<FieldError> errors = new ArrayList<>();
        check(submission, errors);
        if (!errors.isEmpty()) {
            throw new HerdException(400, "report-invalid", "The report is not valid.", errors);
        }
        return new Parsed(submission, new String(body, StandardCharsets.UTF_8));
    }

    private static boolean startsWithObject(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return b == '{';
            }
        }
        return false;
    }

    private static void check(ReportSubmission s, List<FieldError> errors) {
        if (s.sequence() == null || s.sequence() < 1) {
            errors.add(new FieldError("sequence", "Positive", "must be a number from 1 up"));
        }
        if (s.kind() == null || !KINDS.contains(s.kind())) {
            errors.add(new FieldError("kind", "OneOf", "must be FULL or DELTA"));
        }
        if (s.report() == null || s.report().os() == null) {
            errors.add(new FieldError("report.os", "NotNull", "must be present"));
        } else {
            blank(errors, "report.os.id", s.report().os().id());
            blank(errors, "report.os.architecture", s.report().os().architecture());
        }
        if ("FULL".equals(s.kind())) {
            if (s.report() == null || s.report().packages() == null) {
                errors.add(new FieldError("report.packages", "NotNull", "a full report lists every package"));
            } else {
                packages(errors, "report.packages", s.report().packages(), true);
            }
        }
        if ("DELTA".equals(s.kind())) {
            if (s.delta() == null) {
                errors.add(new FieldError("delta", "NotNull", "a delta report lists added, removed, changed"));
            } else {
                packages(errors, "delta.added", s.delta().added(), true);
                packages(errors, "delta.changed", s.delta().changed(), true);
                packages(errors, "delta.removed", s.delta().removed(), false);
            }
        }
    }

    private static void packages(
            List<FieldError> errors, String field, List<ReportSubmission.Package> packages, boolean needVersion) {
        if (packages == null) {
            return;
        }
        for (int i = 0; i < packages.size(); i++) {
            ReportSubmission.Package p = packages.get(i);
            if (p == null) {
                errors.add(new FieldError(field + "[" + i + "]", "NotNull", "must be a package"));
                continue;
            }
            blank(errors, field + "[" + i + "].name", p.name());
            if (needVersion) {
                blank(errors, field + "[" + i + "].version", p.version());
            }
        }
    }

    private static void blank(List<FieldError> errors, String field, String value) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "NotBlank", "must not be blank"));
        }
    }
}
