package dev.herd.agent.apply.intake;

import dev.herd.agent.delivery.Backoff;
import java.io.PrintStream;
import java.time.Duration;

/**
 * One daemon thread that long-polls a gateway resource again and again: at once after an answer (but never more than
 * five times a second, so that a gateway answering at once instead of holding the poll is not asked in a tight loop,
 * while revisions following each other closely are picked up within 200 ms), with growing pauses while the gateway is
 * away or refuses.
 */
public final class PollLoop {

    private static final Duration MIN_POLL = Duration.ofMillis(200);

    /** One round: {@code null} when the gateway answered, else why not. */
    @FunctionalInterface
    public interface Round {
        String once();
    }

    private PollLoop() {}

    /** Starts the thread; {@code wait} is the long-poll wait, so the longest pause is that plus 30 seconds. */
    public static Thread start(String name, Duration wait, PrintStream log, Round round) {
        return Thread.ofPlatform().daemon().name(name).start(() -> loop(wait, log, round));
    }

    private static void loop(Duration wait, PrintStream log, Round round) {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), wait.plusSeconds(30));
        while (!Thread.currentThread().isInterrupted()) {
            long started = System.nanoTime();
            String problem;
            try {
                problem = round.once();
            } catch (RuntimeException e) {
                problem = name() + " failed: " + e;
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

    private static String name() {
        return Thread.currentThread().getName();
    }
}
