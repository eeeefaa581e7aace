package dev.herd.contracts.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herd.contracts.advisory.AdvisoryChanged;
import dev.herd.contracts.damage.DamageReport;
import dev.herd.contracts.isolation.IsolationOrder;
import dev.herd.contracts.monitor.MonitorRecords;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The transactional outbox: enqueue inside the business transaction; the relay sends what is pending. */
@ApplicationScoped
public class Outbox implements PanacheRepositoryBase<OutboxMessage, UUID> {

    private final ObjectMapper json;
    private final Event<OutboxEnqueued> enqueued;

    public Outbox(ObjectMapper json, Event<OutboxEnqueued> enqueued) {
        this.json = json;
        this.enqueued = enqueued;
    }

    /**
     * Adds a message to the caller's transaction; it leaves only if that transaction commits, right after the commit
     * (see {@link OutboxRelay}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueue(String address, String key, Object payload) {
        OutboxMessage message = new OutboxMessage();
        message.id = UUID.randomUUID();
        message.address = address;
        message.messageKey = key;
        try {
            message.payload = json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot serialise outbox payload " + payload, e);
        }
        message.createdAt = Instant.now();
        persist(message);
        enqueued.fire(new OutboxEnqueued(address));
    }

    /**
     * The addresses on the path from damage to prevention (monitor records, damage reports, urgent advisories,
     * isolation orders): their pending messages leave before any other, so that a damage report never waits behind a
     * burst of full rule bundles or inventories. The order within an address, and so within a key, is kept.
     */
    public static final Set<String> URGENT_ADDRESSES = Set.of(
            MonitorRecords.ADDRESS, DamageReport.ADDRESS, AdvisoryChanged.URGENT_ADDRESS, IsolationOrder.ADDRESS);

    /** The unsent messages, those of {@link #URGENT_ADDRESSES} first, each lane in the order they were written. */
    public List<OutboxMessage> pending(int max) {
        return find(
                        "sentAt is null order by case when address in ?1 then 0 else 1 end, createdAt, id",
                        URGENT_ADDRESSES)
                .page(Page.ofSize(max))
                .list();
    }

    /**
     * Takes this service's relay lock for the current transaction, unless another instance holds it: one lock per
     * schema, so the relays of different services sharing a database do not wait for each other.
     */
    public boolean tryRelayLock() {
        return (Boolean) getEntityManager()
                .createNativeQuery("SELECT pg_try_advisory_xact_lock(hashtext(current_schema() || '.outbox-relay'))")
                .getSingleResult();
    }

    public long pendingCount() {
        return count("sentAt is null");
    }
}
