package dev.herd.agent.apply.intake;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herd.agent.apply.ApplyMode;
import dev.herd.agent.apply.ApplyOutcomes;
import dev.herd.agent.apply.BadInputException;
import dev.herd.agent.apply.DeliveryApplier;
import dev.herd.agent.apply.DeliveryInput;
import dev.herd.agent.apply.DeliveryJson;
import dev.herd.agent.delivery.Backoff;
import dev.herd.agent.gateway.GatewayAnswer;
import dev.herd.agent.gateway.GatewayClient;
import dev.herd.contracts.delivery.ApplyOutcome;
import dev.herd.contracts.delivery.ApplyOutcome.Kind;
import dev.herd.contracts.delivery.ApplyOutcome.Result;
import dev.herd.contracts.delivery.PatchPlan;
import dev.herd.contracts.delivery.RuleBundle;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
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
    private static final Duration MIN_POLL = Duration.ofSeconds(1);

    private final GatewayClient gateway;
    private final String credential;
    private final ApplyMode mode;
    private final DeliveryApplier applier;
    private final Duration wait;
    private final Clock clock;
    private final PrintStream log;
    private final EtagStore bundleEtag;
    private final EtagStore plansEtag;
    private final AnsweredPlans answered;
    private final OutcomeQueue outcomes;
    private final ReentrantLock applying = new ReentrantLock();

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
        this.answered = new AnsweredPlans(stateDir);
        this.outcomes = new OutcomeQueue(stateDir);
    }

    /** Starts the two polling threads (daemon threads: they end with the agent). */
    public List<Thread> start() {
        return List.of(
                Thread.ofPlatform().daemon().name("herd-rule-bundle").start(() -> loop(this::pollRuleBundle)),
                Thread.ofPlatform().daemon().name("herd-patch-plans").start(() -> loop(this::pollPatchPlans)));
    }

    private void loop(Poll poll) {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), wait.plusSeconds(30));
        while (!Thread.currentThread().isInterrupted()) {
            long started = System.nanoTime();
            String problem;
            try {
                problem = poll.once();
                if (problem == null) {
                    problem = sendOutcomes();
                }
            } catch (RuntimeException e) {
                problem = "delivery failed: " + e;
            }
            Duration pause;
            if (problem == null) {
                backoff.reset();
                // A gateway that answers at once instead of holding the poll must not be asked in a tight loop.
                pause = MIN_POLL.minusNanos(System.nanoTime() - started);
            } else {
                pause = backoff.next();
                log.println(problem + "; retrying in " + pause.toSeconds() + " s");
            }
            try {
                Thread.sleep(pause.isNegative() ? Duration.ZERO : pause);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** One poll of a resource: {@code null} when the gateway answered, else why not. */
    @FunctionalInterface
    interface Poll {
        String once();
    }

    /** One long poll for the rule bundle; applies a new one. {@code null} when the gateway answered. */
    public String pollRuleBundle() {
        GatewayAnswer answer;
        try {
            answer = gateway.get(RULE_BUNDLE + "?wait=" + wait.toSeconds(), bundleEtag.read(), credential, timeout());
        } catch (IOException e) {
            return "rule bundle: " + GatewayClient.unreachable(e);
        }
        if (answer.status() == 304 || answer.status() == 204) {
            return null;
        }
        if (answer.status() != 200) {
            return "rule bundle: " + answer.problemLine();
        }
        ApplyOutcome outcome;
        try {
            RuleBundle bundle = DeliveryInput.bundle(bytes(answer.body()), "rule bundle from the gateway");
            outcome = applyLocked(() -> applier.bundle(bundle, mode == ApplyMode.DRY_RUN));
        } catch (BadInputException e) {
            outcome = refused(Kind.RULE_BUNDLE, answer.body().path("revision").asText(null), e);
        }
        queue(outcome);
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
    public synchronized String sendOutcomes() {
        for (Path entry : outcomes.pending()) {
            GatewayAnswer answer;
            try {
                answer = gateway.post(OUTCOMES, Files.readAllBytes(entry), credential);
            } catch (IOException e) {
                return outcomes.pending().size() + " outcome(s) queued: " + GatewayClient.unreachable(e);
            }
            if (answer.success()) {
                outcomes.remove(entry);
            } else if (answer.status() == 400 || answer.status() == 413 || answer.status() == 422) {
                outcomes.setAside(entry);
                log.println("outcome refused for good, moved to "
                        + outcomes.dir().resolve("rejected") + ": " + answer.problemLine());
            } else {
                return outcomes.pending().size() + " outcome(s) queued: outcome refused: " + answer.problemLine();
            }
        }
        return null;
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
        outcomes.put(outcome);
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
