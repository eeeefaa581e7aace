package dev.herd.hub.source;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/** Runs pulls in the background, at most one per source at a time, and knows which are running. */
@ApplicationScoped
public class SourceRunner {

    private static final Logger LOG = Logger.getLogger(SourceRunner.class);

    private final SourcePull pull;
    private final Map<Long, PullRun> running = new ConcurrentHashMap<>();
    private final ExecutorService executor;

    public SourceRunner(SourcePull pull) {
        this.pull = pull;
        AtomicInteger threads = new AtomicInteger();
        // Two pulls at once: they compete with pushes for the same database and CPU.
        this.executor = Executors.newFixedThreadPool(2, task -> {
            Thread thread = new Thread(task, "herd-pull-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts a pull of the source unless one is running; false if one is. */
    public boolean start(long sourceId) {
        PullRun run = new PullRun();
        if (running.putIfAbsent(sourceId, run) != null) {
            return false;
        }
        try {
            executor.execute(() -> {
                try {
                    pull.run(sourceId, run);
                } catch (RuntimeException e) {
                    LOG.errorf(e, "Pull of source %d failed", sourceId);
                } finally {
                    running.remove(sourceId);
                }
            });
        } catch (RuntimeException e) {
            running.remove(sourceId);
            throw e;
        }
        return true;
    }

    /**
     * The pull of the source under way, if any. Read it before the source's row: a pull leaves this map only after
     * its outcome is stored, so a row read afterwards is never older than the pull that was seen ending.
     */
    public Optional<PullRun> running(long sourceId) {
        return Optional.ofNullable(running.get(sourceId));
    }

    /** The pulls under way now, by source; see {@link #running(long)} for why to read it before the rows. */
    public Map<Long, PullRun> runningNow() {
        return Map.copyOf(running);
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
