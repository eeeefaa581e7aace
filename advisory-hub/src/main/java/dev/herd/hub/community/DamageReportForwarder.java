package dev.herd.hub.community;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herd.contracts.damage.DamageReport;
import dev.herd.hub.HubConfig;
import dev.herd.hub.provider.Provider;
import dev.herd.hub.provider.ProviderRepository;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Delivers damage reports to the providers that asked for them: a {@link DamageDelivery} per (provider, report) is
 * written with the report, then POSTed as JSON; failures are retried with exponential backoff until
 * {@code herd.hub.damage-reports.max-attempts}, and every outcome stays recorded per provider.
 */
@ApplicationScoped
public class DamageReportForwarder implements PanacheRepositoryBase<DamageDelivery, Long> {

    private static final int BATCH = 50;
    private static final Duration LONGEST_BACKOFF = Duration.ofHours(1);

    private final ProviderRepository providers;
    private final ObjectMapper json;
    private final HubConfig config;
    private final HttpClient http;

    public DamageReportForwarder(ProviderRepository providers, ObjectMapper json, HubConfig config) {
        this.providers = providers;
        this.json = json;
        this.config = config;
        this.http = HttpClient.newBuilder()
                .connectTimeout(config.damageReports().httpTimeout())
                .build();
    }

    /** Queues the report for every subscribed provider, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    void enqueue(DamageReport report, Instant now) {
        List<Provider> subscribed = providers.list("damageReportUrl is not null");
        if (subscribed.isEmpty()) {
            return;
        }
        String payload;
        try {
            // Re-serialised from the record: whatever else the message carried never leaves the hub.
            payload = json.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise damage report " + report.reportId(), e);
        }
        for (Provider provider : subscribed) {
            DamageDelivery delivery = new DamageDelivery();
            delivery.providerId = provider.id;
            delivery.reportId = report.reportId();
            delivery.url = provider.damageReportUrl;
            delivery.payload = payload;
            delivery.state = DamageDelivery.State.PENDING;
            delivery.nextAttemptAt = now;
            delivery.createdAt = now;
            persist(delivery);
        }
    }

    @Scheduled(
            every = "${herd.hub.damage-reports.deliver-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        deliverDue();
    }

    /**
     * Tries a batch of due deliveries; returns how many were tried. They are claimed with {@code FOR UPDATE SKIP
     * LOCKED} and hidden from other hub instances for three HTTP timeouts, so two instances never post the same one;
     * one that died mid-post leaves it due again after that.
     */
    public int deliverDue() {
        List<DamageDelivery> due = QuarkusTransaction.requiringNew().call(this::claim);
        for (DamageDelivery delivery : due) {
            Attempt attempt = post(delivery, signingSecret(delivery.providerId));
            QuarkusTransaction.requiringNew().run(() -> record(delivery.id, attempt));
        }
        return due.size();
    }

    @SuppressWarnings("unchecked")
    private List<DamageDelivery> claim() {
        List<Number> ids = getEntityManager()
                .createNativeQuery(
                        "UPDATE damage_delivery d SET next_attempt_at = now() + make_interval(secs => :lease) "
                                + "FROM (SELECT id FROM damage_delivery WHERE state = 'PENDING' AND next_attempt_at <= now() "
                                + "ORDER BY next_attempt_at, id LIMIT :n FOR UPDATE SKIP LOCKED) due WHERE d.id = due.id "
                                + "RETURNING d.id")
                .setParameter(
                        "lease",
                        (double) config.damageReports()
                                        .httpTimeout()
                                        .multipliedBy(3)
                                        .toMillis()
                                / 1000)
                .setParameter("n", BATCH)
                .getResultList();
        List<Long> claimed = ids.stream().map(Number::longValue).toList();
        return claimed.isEmpty()
                ? List.of()
                : find("id in ?1", Sort.by("nextAttemptAt").and("id"), claimed).list();
    }

    /** Every attempt of these deliveries, by delivery id, oldest first. */
    @Transactional
    @SuppressWarnings("unchecked")
    public java.util.Map<Long, List<AttemptView>> attempts(List<Long> deliveries) {
        if (deliveries.isEmpty()) {
            return java.util.Map.of();
        }
        List<Object[]> rows = getEntityManager()
                .createNativeQuery("SELECT delivery_id, attempt, at, status_code, error FROM damage_delivery_attempt "
                        + "WHERE delivery_id = ANY(:ids) ORDER BY delivery_id, attempt")
                .setParameter("ids", deliveries.toArray(Long[]::new))
                .getResultList();
        java.util.Map<Long, List<AttemptView>> byDelivery = new java.util.HashMap<>();
        for (Object[] r : rows) {
            byDelivery
                    .computeIfAbsent(((Number) r[0]).longValue(), k -> new java.util.ArrayList<>())
                    .add(new AttemptView(
                            ((Number) r[1]).intValue(),
                            r[2] instanceof java.time.OffsetDateTime t ? t.toInstant() : (Instant) r[2],
                            r[3] == null ? null : ((Number) r[3]).intValue(),
                            (String) r[4]));
        }
        return byDelivery;
    }

    /** One attempt as shown: when, the HTTP status (null when none came back), why it failed (null when it did not). */
    public record AttemptView(int attempt, Instant at, Integer statusCode, String error) {}

    /** The provider's key now: a key made by a later subscription signs the retries of earlier deliveries too. */
    private String signingSecret(String providerId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> providers
                        .findByIdOptional(providerId)
                        .map(p -> p.damageReportSecret)
                        .orElse(null));
    }

    /** The deliveries to one provider, newest first. */
    public List<DamageDelivery> of(String providerId, int max) {
        return find("providerId", Sort.by("createdAt").descending().and("id").descending(), providerId)
                .page(Page.ofSize(max))
                .list();
    }

    /** POSTs the delivery, signed with the provider's current key ({@code secret}, null for an unsigned one). */
    private Attempt post(DamageDelivery delivery, String secret) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(delivery.url))
                    .timeout(config.damageReports().httpTimeout())
                    .header("Content-Type", "application/json")
                    .header("Herd-Report-Id", delivery.reportId.toString())
                    .POST(HttpRequest.BodyPublishers.ofString(delivery.payload));
            if (secret != null) {
                DamageReportSigner.headers(secret, delivery.reportId, delivery.payload, Instant.now())
                        .forEach(request::header);
            }
            HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            return new Attempt(status, status / 100 == 2 ? null : "HTTP " + status);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Attempt(null, "interrupted");
        } catch (Exception e) {
            return new Attempt(null, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private void record(long id, Attempt attempt) {
        DamageDelivery delivery = findById(id);
        Instant now = Instant.now();
        delivery.attempts++;
        getEntityManager()
                .createNativeQuery("INSERT INTO damage_delivery_attempt (delivery_id, attempt, at, status_code, error) "
                        + "VALUES (:id, :a, :at, :s, :e) ON CONFLICT DO NOTHING")
                .setParameter("id", id)
                .setParameter("a", delivery.attempts)
                .setParameter("at", java.sql.Timestamp.from(now))
                .setParameter("s", attempt.status())
                .setParameter("e", attempt.error())
                .executeUpdate();
        delivery.lastStatus = attempt.status();
        delivery.lastError = attempt.error();
        if (attempt.error() == null) {
            delivery.state = DamageDelivery.State.DELIVERED;
            delivery.deliveredAt = now;
        } else if (delivery.attempts >= config.damageReports().maxAttempts()) {
            delivery.state = DamageDelivery.State.FAILED;
        } else {
            delivery.nextAttemptAt = now.plus(backoff(delivery.attempts));
        }
    }

    /** First retry after {@code first-retry}, then doubling, at most an hour. */
    Duration backoff(int attempts) {
        Duration wait = config.damageReports().firstRetry().multipliedBy(1L << Math.min(attempts - 1, 20));
        return wait.compareTo(LONGEST_BACKOFF) > 0 ? LONGEST_BACKOFF : wait;
    }

    private record Attempt(Integer status, String error) {}
}
