package dev.herd.portal.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Due webhook deliveries, claimed for a lease (SKIP LOCKED, so concurrent workers take different ones and a worker
 * that died leaves them due again), and the outcome of each attempt.
 */
@ApplicationScoped
public class DeliveryRepository {

    private final EntityManager entityManager;

    public DeliveryRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** A delivery to post now: where, with which key, what, and how many attempts it had. */
    public record DueDelivery(UUID id, String url, String secret, String payload, int attempts) {}

    /** What one attempt came to. */
    public record AttemptOutcome(Instant at, Integer statusCode, String error, int durationMs) {

        boolean delivered() {
            return error == null;
        }
    }

    /** Claims up to {@code max} due deliveries, oldest due first, hiding them from other workers for {@code lease}. */
    @Transactional
    @SuppressWarnings("unchecked")
    List<DueDelivery> claim(int max, Duration lease) {
        List<Object[]> rows = entityManager
                .createNativeQuery(
                        "UPDATE webhook_delivery d SET next_attempt_at = now() + make_interval(secs => :lease) "
                                + "FROM (SELECT id FROM webhook_delivery WHERE state = 'PENDING' AND next_attempt_at <= now() "
                                + "ORDER BY next_attempt_at, id LIMIT :n FOR UPDATE SKIP LOCKED) due, webhook_endpoint w "
                                + "WHERE d.id = due.id AND w.id = d.endpoint_id "
                                + "RETURNING d.id, w.url, w.secret, d.payload, d.attempts")
                .setParameter("lease", (double) lease.toMillis() / 1000)
                .setParameter("n", max)
                .getResultList();
        return rows.stream()
                .map(r -> new DueDelivery(
                        (UUID) r[0], (String) r[1], (String) r[2], (String) r[3], ((Number) r[4]).intValue()))
                .toList();
    }

    /**
     * Stores the attempt and moves the delivery on: DELIVERED, FAILED after {@code maxAttempts}, else PENDING again
     * at {@code retryAt}. Nothing when the webhook was deleted meanwhile.
     */
    @Transactional
    void record(UUID id, int attempt, AttemptOutcome outcome, int maxAttempts, Instant retryAt) {
        String state = outcome.delivered() ? "DELIVERED" : attempt >= maxAttempts ? "FAILED" : "PENDING";
        int updated = entityManager
                .createNativeQuery("UPDATE webhook_delivery SET attempts = :a, state = :s, next_attempt_at = :next, "
                        + "finished_at = :fin WHERE id = :id AND attempts = :a - 1")
                .setParameter("a", attempt)
                .setParameter("s", state)
                .setParameter("next", Timestamp.from(state.equals("PENDING") ? retryAt : outcome.at()))
                .setParameter("fin", state.equals("PENDING") ? null : Timestamp.from(outcome.at()))
                .setParameter("id", id)
                .executeUpdate();
        if (updated == 0) {
            return;
        }
        entityManager
                .createNativeQuery("INSERT INTO webhook_attempt (delivery_id, attempt, at, status_code, error, "
                        + "duration_ms) VALUES (:id, :a, :at, :code, :err, :ms)")
                .setParameter("id", id)
                .setParameter("a", attempt)
                .setParameter("at", Timestamp.from(outcome.at()))
                .setParameter("code", outcome.statusCode())
                .setParameter("err", outcome.error())
                .setParameter("ms", outcome.durationMs())
                .executeUpdate();
    }
}
