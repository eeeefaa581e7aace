package dev.herd.agent.apply.intake;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herd.agent.apply.ApplyMode;
import dev.herd.agent.apply.ApplyOutcomes;
import dev.herd.agent.apply.BadInputException;
import dev.herd.agent.apply.DeliveryApplier;
import dev.herd.agent.apply.DeliveryInput;
import dev.herd.agent.apply.DeliveryJson;
import dev.herd.agent.gateway.GatewayAnswer;
import dev.herd.agent.gateway.GatewayClient;
import dev.herd.contracts.delivery.ApplyOutcome;
import dev.herd.contracts.delivery.ApplyOutcome.Kind;
import dev.herd.contracts.delivery.ApplyOutcome.Result;
import dev.herd.contracts.delivery.PatchPlan;
import dev.herd.contracts.delivery.RuleBundle;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The enrolled agent's delivery loop: long-polls {@code /agent/rule-bundle} and {@code /agent/patch-plans} (one thread
 * each, remembering ETags), applies what arrives as the mode says (one apply at a time), queues each outcome on disk
 * and posts the queue to {@code /agent/outcomes} oldest first, retrying with backoff while the gateway is away.
 */
public class DeliveryLoop {

    static final String RULE_BUNDLE = "/agent/rule-bundle";
    static final String PATCH_PLANS = "/agent/patch-plans";
    static final String OUTCOMES = "/agent/outcomes";
    private static final Set<Integer> REFUSED_FOR_GOOD = Set.of(400, 413, 422);
    /** The instance manipulation (RFC 3229 {@code A-IM}) by which the gateway sends rule bundle deltas. */
    static final String DELTA = "herd-delta";

    private final GatewayClient gateway;
    private final String credential;
    private final ApplyMode mode;
    private final DeliveryApplier applier;
    private final Duration wait;
    private final Clock clock;
    private final PrintStream log;
    private final EtagStore bundleEtag;
    private final EtagStore plansEtag;
    private final AnsweredIds answered;
    private final OutcomeQueue outcomes;
    private final ReentrantLock applying = new ReentrantLock();
    /** Set after a delta failed: the next rule-bundle poll asks for the full bundle. */
    private volatile boolean fullNext;

    public DeliveryLoop(
            GatewayClient gateway,
            String credential,
            Path stateDir,
            ApplyMode mode,
            DeliveryApplier applier,
            Duration wait,
            Clock clock,
            PrintStream log) {
        if (mode == ApplyMode.OFF) {
            throw new IllegalArgumentException("with --apply off there is nothing to poll");
        }
        this.gateway = gateway;
        this.credential = credential;
        this.mode = mode;
        this.applier = applier;
        this.wait = wait;
        this.clock = clock;
        this.log = log;
        this.bundleEtag = new EtagStore(stateDir, "rule-bundle", mode.text());
        this.plansEtag = new EtagStore(stateDir, "patch-plans", mode.text());
        this.answered = new AnsweredIds(stateDir, "answered-plans");
        this.outcomes = new OutcomeQueue(stateDir.resolve("outcomes"));
    }

    /** Starts the two polling threads (daemon threads: they end with the agent). */
    public List<Thread> start() {
        return List.of(
                PollLoop.start("herd-rule-bundle", wait, log, () -> thenSend(pollRuleBundle())),
                PollLoop.start("herd-patch-plans", wait, log, () -> thenSend(pollPatchPlans())));
    }

    private String thenSend(String problem) {
        return problem == null ? sendOutcomes() : problem;
    }

    /**
     * One long poll for the rule bundle; applies a new one. {@code null} when the gateway answered. A real apply asks
     * for deltas ({@code A-IM: herd-delta}, ADR 11); a delta that does not build on the revision held, or that is not
     * APPLIED, leaves the held revision as it was and makes the next poll ask for the full bundle.
     */
    public String pollRuleBundle() {
        String held = bundleEtag.read();
        boolean acceptDelta = mode != ApplyMode.DRY_RUN && !fullNext;
        GatewayAnswer answer;
        try {
            answer = gateway.get(
                    RULE_BUNDLE + "?wait=" + wait.toSeconds(), held, acceptDelta ? DELTA : null, credential, timeout());
        } catch (IOException e) {
            return "rule bundle: " + GatewayClient.unreachable(e);
        }
        if (answer.status() == 304 || answer.status() == 204) {
            return null;
        }
        if (answer.status() != 200 && answer.status() != 226) {
            return "rule bundle: " + answer.problemLine();
        }
        ApplyOutcome outcome;
        boolean delta = false;
        try {
            RuleBundle bundle = DeliveryInput.bundle(bytes(answer.body()), "rule bundle from the gateway");
            delta = bundle.isDelta();
            if (delta && !("\"" + bundle.baseRevision() + "\"").equals(held)) {
                throw new BadInputException("delta " + bundle.baseRevision() + "->" + bundle.revision()
                        + " does not build on the revision held here (" + held + ")");
            }
            outcome = applyLocked(() -> applier.bundle(bundle, mode == ApplyMode.DRY_RUN));
        } catch (BadInputException e) {
            outcome = refused(Kind.RULE_BUNDLE, answer.body().path("revision").asText(null), e);
        }
        queue(outcome);
        if (delta && outcome.result() != Result.APPLIED) {
            // The host still holds the base (nft -f is one transaction, a failed check rolls back): ask for everything.
            fullNext = true;
            return null;
        }
        fullNext = false;
        bundleEtag.remember(answer.etag());
        return null;
    }

    /** One long poll for pending patch plans; applies each one not answered yet, oldest first. */
    public String pollPatchPlans() {
        GatewayAnswer answer;
        try {
            answer = gateway.get(PATCH_PLANS + "?wait=" + wait.toSeconds(), plansEtag.read(), credential, timeout());
        } catch (IOException e) {
            return "patch plans: " + GatewayClient.unreachable(e);
        }
        if (answer.status() == 304 || answer.status() == 204) {
            return null;
        }
        if (answer.status() != 200 || !answer.body().isArray()) {
            return "patch plans: " + answer.problemLine();
        }
        for (JsonNode node : answer.body()) {
            PatchPlan plan;
            try {
                plan = DeliveryJson.MAPPER.treeToValue(node, PatchPlan.class);
            } catch (IOException e) {
                log.println("patch plan unreadable, skipped: " + e.getMessage());
                continue;
            }
            if (plan.planId() == null || answered.answered(plan.planId(), mode)) {
                continue;
            }
            ApplyOutcome outcome;
            try {
                PatchPlan checked = DeliveryInput.check(plan, "patch plan " + plan.planId());
                outcome = applyLocked(() -> applier.plan(checked, mode == ApplyMode.DRY_RUN));
            } catch (BadInputException e) {
                outcome = refused(Kind.PATCH_PLAN, plan.planId().toString(), e);
            }
            queue(outcome);
            answered.add(plan.planId(), mode);
        }
        plansEtag.remember(answer.etag());
        return null;
    }

    /** Posts queued outcomes oldest first; {@code null} when the queue is empty afterwards, else why not. */
    public String sendOutcomes() {
        return outcomes.post(gateway, OUTCOMES, credential, REFUSED_FOR_GOOD, "outcome", log);
    }

    @FunctionalInterface
    private interface Apply {
        ApplyOutcome run() throws BadInputException;
    }

    private ApplyOutcome applyLocked(Apply apply) throws BadInputException {
        applying.lock();
        try {
            return apply.run();
        } finally {
            applying.unlock();
        }
    }

    private void queue(ApplyOutcome outcome) {
        outcomes.put(outcome.outcomeId(), outcome);
        log.println(mode + " " + outcome.kind() + " " + outcome.reference() + ": " + outcome.result() + ": "
                + outcome.message());
    }

    private ApplyOutcome refused(Kind kind, String reference, BadInputException e) {
        return ApplyOutcomes.of(kind, reference, Result.FAILED, List.of(), List.of(), e.getMessage(), clock);
    }

    private Duration timeout() {
        return wait.plusSeconds(30);
    }

    private static byte[] bytes(JsonNode body) {
        try {
            return DeliveryJson.MAPPER.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
