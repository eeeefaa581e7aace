package dev.herd.agent.delivery;

import dev.herd.agent.Heartbeat;
import dev.herd.agent.HeartbeatRecorder;
import dev.herd.agent.enrolment.AgentCredential;
import dev.herd.agent.gateway.GatewayAnswer;
import dev.herd.agent.gateway.GatewayClient;
import dev.herd.agent.report.MachineReport;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * The enrolled agent's daemon loop: a FULL report at start, heartbeats every interval, the machine looked at every
 * report interval with a DELTA queued when packages or evidence changed (sent at once), and the queue sent in order
 * with backoff while the gateway is unreachable.
 */
public class ReportingAgent {

    /** Seconds between looks at the machine: evidence reaches the gateway within this (plus the sending). */
    public static final String DEFAULT_REPORT_INTERVAL_SECONDS = "5";

    private final GatewayClient gateway;
    private final AgentCredential credential;
    private final ReportQueue queue;
    private final ReportBuilder builder;
    private final Delivery delivery;
    private final HeartbeatRecorder heartbeats;
    private final Backoff backoff;
    private final Clock clock;
    private final PrintStream log;
    private String deliveryProblem;

    public ReportingAgent(
            GatewayClient gateway,
            AgentCredential credential,
            Path stateDir,
            Supplier<MachineReport> collector,
            Duration interval,
            Clock clock,
            PrintStream log) {
        this.gateway = gateway;
        this.credential = credential;
        this.clock = clock;
        this.log = log;
        this.queue = new ReportQueue(stateDir);
        this.builder = new ReportBuilder(collector, new SequenceCounter(stateDir), queue);
        this.delivery = new Delivery(queue, new HttpReportSender(gateway, credential.credential()), builder, log);
        this.heartbeats = new HeartbeatRecorder(this::problem, stateDir, clock);
        this.backoff =
                new Backoff(Duration.ofSeconds(1), interval.multipliedBy(6).plusSeconds(30));
    }

    /** Runs until interrupted. */
    public void run(Duration interval, Duration reportInterval) throws InterruptedException {
        Instant nextBeat = clock.instant();
        Instant nextReport = clock.instant().plus(reportInterval);
        Instant nextSend = clock.instant();
        collect(true);
        while (!Thread.currentThread().isInterrupted()) {
            Instant now = clock.instant();
            if (!now.isBefore(nextReport)) {
                collect(false);
                nextReport = now.plus(reportInterval);
            }
            if (!now.isBefore(nextSend) && !queue.isEmpty()) {
                nextSend = now.plus(send());
            }
            if (!now.isBefore(nextBeat)) {
                Heartbeat beat = heartbeats.beat();
                log.println(beat.line());
                nextBeat = now.plus(interval);
            }
            Instant wake = min(nextBeat, nextReport, queue.isEmpty() ? nextBeat : nextSend);
            Thread.sleep(Math.max(100, Duration.between(clock.instant(), wake).toMillis()));
        }
    }

    /** Sends the queue once; the wait before the next attempt (zero when everything went out). */
    public Duration send() {
        Delivery.Result result = delivery.drain();
        if (result.delivered() > 0) {
            log.println("delivered " + result.delivered() + " report(s)");
        }
        deliveryProblem = result.problem();
        if (deliveryProblem == null) {
            backoff.reset();
            return Duration.ZERO;
        }
        Duration wait = backoff.next();
        log.println(deliveryProblem + "; retrying in " + wait.toSeconds() + " s");
        return wait;
    }

    private void collect(boolean full) {
        try {
            if (full) {
                log.println("queued FULL report " + builder.queueFull());
            } else {
                builder.queueDeltaIfChanged()
                        .ifPresent(delta -> log.println("queued DELTA report " + delta.sequence() + " ("
                                + String.join(", ", delta.changed()) + " changed)"));
            }
        } catch (RuntimeException e) {
            log.println("collecting the report failed: " + e.getMessage());
            deliveryProblem = "collecting the report failed: " + e.getMessage();
        }
    }

    /** The heartbeat's own problem, else the delivery's; {@code null} when both are fine. */
    private String problem() {
        try {
            GatewayAnswer answer = gateway.post("/agent/heartbeat", new byte[0], credential.credential());
            if (!answer.success()) {
                return "heartbeat refused: " + answer.problemLine();
            }
        } catch (IOException e) {
            return GatewayClient.unreachable(e);
        }
        return deliveryProblem;
    }

    private static Instant min(Instant a, Instant b, Instant c) {
        Instant m = a.isBefore(b) ? a : b;
        return m.isBefore(c) ? m : c;
    }
}
