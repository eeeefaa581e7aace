package dev.herd.gateway.delivery.outcome;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herd.contracts.delivery.ApplyOutcome;
import dev.herd.contracts.problem.BoundedBody;
import dev.herd.contracts.problem.HerdException;
import dev.herd.contracts.problem.ProblemDetail.FieldError;
import dev.herd.gateway.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/** Reads an apply outcome up to the size limit (413 beyond) and checks the fields the gateway relies on. */
@ApplicationScoped
public class OutcomeReader {

    private static final int MAX_REFERENCE = 64;

    private final ObjectMapper json;
    private final GatewayConfig config;

    public OutcomeReader(ObjectMapper json, GatewayConfig config) {
        this.json = json;
        this.config = config;
    }

    public ApplyOutcome read(InputStream body) throws IOException {
        JsonNode raw = json.readTree(
                BoundedBody.read(body, config.delivery().maxOutcomeBytes(), "outcome-too-large", "one apply outcome"));
        if (raw == null || !raw.isObject()) {
            throw HerdException.badRequest("malformed-json", "The body must be one JSON object (an ApplyOutcome).");
        }
        ApplyOutcome outcome = json.treeToValue(raw, ApplyOutcome.class);
        List<FieldError> errors = new ArrayList<>();
        if (outcome.outcomeId() == null) {
            errors.add(new FieldError("outcomeId", "NotNull", "must be a UUID, new per outcome"));
        }
        if (outcome.kind() == null) {
            errors.add(new FieldError("kind", "NotNull", "must be RULE_BUNDLE or PATCH_PLAN"));
        }
        if (outcome.result() == null) {
            errors.add(new FieldError("result", "NotNull", "must be APPLIED, SIMULATED, ROLLED_BACK or FAILED"));
        }
        if (outcome.reference() == null || outcome.reference().isBlank()) {
            errors.add(new FieldError("reference", "NotBlank", "must name the plan id or the bundle revision"));
        } else if (outcome.reference().length() > MAX_REFERENCE) {
            errors.add(new FieldError("reference", "Size", "must be at most " + MAX_REFERENCE + " characters"));
        }
        if (!errors.isEmpty()) {
            throw new HerdException(400, "outcome-invalid", "The apply outcome is not valid.", errors);
        }
        return outcome;
    }
}
