package dev.herd.hub.source;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** Persistence of pull sources and the outcome of their last pull. */
@ApplicationScoped
public class PullSourceRepository implements PanacheRepositoryBase<PullSource, Long> {

    /** Records the start of a pull; null if the source has been deleted meanwhile. */
    PullSource markStarted(long id, Instant startedAt) {
        return QuarkusTransaction.requiringNew().call(() -> {
            PullSource source = findById(id);
            if (source != null) {
                source.lastStartedAt = startedAt;
            }
            return source;
        });
    }

    void markFinished(long id, PullRun run) {
        QuarkusTransaction.requiringNew().run(() -> {
            PullSource source = findById(id);
            if (source == null) {
                return;
            }
            source.lastFinishedAt = Instant.now();
            source.state = run.failed() ? PullSource.FAILED : PullSource.IDLE;
            source.lastCounts = run.counts();
            source.lastErrors = run.errors();
            source.lastWarnings = run.warnings();
        });
    }
}
