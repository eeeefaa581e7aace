package dev.herd.portal.rules;

import dev.herd.portal.diagnosis.ExposureOpened;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The tenants whose rules wait for advisories whose exposure findings were opened set-wise (community advisories,
 * {@link ExposureOpened}), kept in {@code prevention_queue} by the transaction that opened the findings. Drained on a
 * thread of its own right after that commit, and every {@code herd.prevention.interval} for what a failed drain or
 * another instance left: one transaction takes every advisory queued so far for every waiting tenant and reconciles
 * and publishes their rules set-wise, all tenants at once, one bundle revision per tenant for all its advisories
 * (ADR 16). Advisories arriving faster than rules can be made are thus batched instead of queued one behind the other,
 * the last exposed tenant gets its rule with the first, and the advisory consumer never waits for the tenants' rules.
 * One drain at a time per instance; the tenants' rule locks order it with everything else that touches their rules.
 */
@ApplicationScoped
public class PreventionQueue {

    private static final Logger LOG = Logger.getLogger(PreventionQueue.class);

    private final EntityManager entityManager;
    private final RuleService rules;
    private final int tenantsPerDrain;
    private final AtomicBoolean requested = new AtomicBoolean();
    private final ReentrantLock running = new ReentrantLock();
    private final ExecutorService afterCommit = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("herd-prevention").daemon().factory());

    public PreventionQueue(
            EntityManager entityManager,
            RuleService rules,
            @ConfigProperty(name = "herd.prevention.tenants-per-drain", defaultValue = "500") int tenantsPerDrain) {
        this.entityManager = entityManager;
        this.rules = rules;
        this.tenantsPerDrain = tenantsPerDrain;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void onExposureOpened(@Observes ExposureOpened opened) {
        entityManager
                .createNativeQuery("INSERT INTO prevention_queue (tenant_id, advisory_id, queued_at) "
                        + "SELECT t, :a, :now FROM unnest(CAST(:tenants AS text[])) AS t "
                        + "ON CONFLICT (tenant_id, advisory_id) DO NOTHING")
                .setParameter("a", opened.advisoryId())
                .setParameter("now", Timestamp.from(Instant.now()))
                .setParameter("tenants", opened.tenantIds().toArray(String[]::new))
                .executeUpdate();
    }

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) ExposureOpened opened) {
        if (!requested.getAndSet(true)) {
            afterCommit.execute(this::drain);
        }
    }

    @Scheduled(every = "${herd.prevention.interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        requested.set(true);
        drain();
    }

    @PreDestroy
    void stop() {
        afterCommit.shutdownNow();
    }

    /** Drains until nothing more was asked for; whoever holds the drain goes round again for a request made meanwhile. */
    void drain() {
        while (requested.get() && running.tryLock()) {
            try {
                while (requested.getAndSet(false)) {
                    while (QuarkusTransaction.requiringNew().call(this::prevent)) {
                        // one batch of tenants per transaction, until the queue is empty
                    }
                }
            } catch (RuntimeException e) {
                LOG.warnf(e, "Prevention queue drain failed; what is queued waits for the next drain");
                return;
            } finally {
                running.unlock();
            }
        }
    }

    /**
     * Takes every advisory queued for the longest-waiting tenants (at most {@code herd.prevention.tenants-per-drain})
     * and makes their rules, all tenants at once ({@link RuleService#reconcile(TenantScopes)}): one revision per tenant
     * for all its advisories. False when nothing was queued.
     */
    private boolean prevent() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery("DELETE FROM prevention_queue WHERE tenant_id IN (SELECT tenant_id FROM "
                        + "prevention_queue GROUP BY tenant_id ORDER BY min(queued_at) LIMIT :n) "
                        + "RETURNING tenant_id, advisory_id")
                .setParameter("n", tenantsPerDrain)
                .getResultList();
        if (rows.isEmpty()) {
            return false;
        }
        Map<String, Set<String>> advisoriesByTenant = new HashMap<>();
        for (Object[] row : rows) {
            advisoriesByTenant
                    .computeIfAbsent((String) row[0], t -> new HashSet<>())
                    .add((String) row[1]);
        }
        rules.reconcile(TenantScopes.advisories(advisoriesByTenant));
        return true;
    }
}
