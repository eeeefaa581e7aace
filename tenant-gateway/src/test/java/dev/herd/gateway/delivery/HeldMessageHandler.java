package dev.herd.gateway.delivery;

import dev.herd.contracts.inbox.MessageHandler;
import dev.herd.contracts.inbox.RetryPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test-only subscription ({@value #SUBSCRIPTION}) that holds its messages: while a payload is marked failing, its
 * handler hits a database error (a query on a table that does not exist); once unmarked, the payload is applied.
 */
@ApplicationScoped
public class HeldMessageHandler implements MessageHandler {

    static final String ADDRESS = "herd.test.held";
    static final String SUBSCRIPTION = "gateway-test-held";
    /** More tries than the broker's default {@code max-delivery-attempts} (10) would allow a rolled-back message. */
    static final int ATTEMPTS = 30;

    private final EntityManager entities;
    private final Set<String> failing = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> tries = new ConcurrentHashMap<>();
    private final List<String> applied = new CopyOnWriteArrayList<>();

    public HeldMessageHandler(EntityManager entities) {
        this.entities = entities;
    }

    @Override
    public String address() {
        return ADDRESS;
    }

    @Override
    public String subscription() {
        return SUBSCRIPTION;
    }

    @Override
    public RetryPolicy retryPolicy() {
        return RetryPolicy.hold(ATTEMPTS, Duration.ofMillis(200));
    }

    @Override
    public void handle(String payload) {
        tries.computeIfAbsent(payload, p -> new AtomicInteger()).incrementAndGet();
        if (failing.contains(payload)) {
            entities.createNativeQuery("SELECT count(*) FROM table_that_is_not_there")
                    .getSingleResult();
        }
        applied.add(payload);
    }

    void failWhile(String payload) {
        failing.add(payload);
    }

    void stopFailing(String payload) {
        failing.remove(payload);
    }

    int tries(String payload) {
        AtomicInteger count = tries.get(payload);
        return count == null ? 0 : count.get();
    }

    /** How often the payload was applied (its transaction may still be committing). */
    long applied(String payload) {
        return applied.stream().filter(payload::equals).count();
    }
}
