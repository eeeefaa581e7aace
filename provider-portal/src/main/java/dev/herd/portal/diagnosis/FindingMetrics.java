package dev.herd.portal.diagnosis;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Counts findings opened (new or reopened) and closed, once their transaction has committed: the Prometheus counters
 * {@code herd_findings_opened_total} and {@code herd_findings_closed_total} on /q/metrics. Their difference over a
 * window is how many open findings were stored, which an operator or the platform bench reads without counting the
 * finding table.
 */
@ApplicationScoped
@Startup // the counters are on /q/metrics (at 0) before the first diagnosis
public class FindingMetrics {

    private final Counter opened;
    private final Counter closed;
    private final TransactionSynchronizationRegistry transactions;

    public FindingMetrics(MeterRegistry registry, TransactionSynchronizationRegistry transactions) {
        this.opened = Counter.builder("herd.findings.opened")
                .description("Findings opened or reopened, counted when their transaction committed")
                .register(registry);
        this.closed = Counter.builder("herd.findings.closed")
                .description("Findings closed (patched or withdrawn), counted when their transaction committed")
                .register(registry);
        this.transactions = transactions;
    }

    /** Counts what {@code outcome} wrote once the caller's transaction commits; nothing if it rolls back. */
    void written(FindingReconciler.Outcome outcome) {
        int openedNow = outcome.opened() + outcome.reopened();
        int closedNow = outcome.closed();
        if (openedNow == 0 && closedNow == 0) {
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    opened.increment(openedNow);
                    closed.increment(closedNow);
                }
            }
        });
    }
}
