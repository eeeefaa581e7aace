package dev.herd.gateway.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;
import org.jboss.logging.Logger;

/** Messages from Artemis that could not be read or stored, kept in {@code delivery_dead_letter} and logged. */
@ApplicationScoped
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    private final EntityManager entities;

    public DeadLetters(EntityManager entities) {
        this.entities = entities;
    }

    /** Records the message once per message id (a redelivered copy is not recorded twice). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(String address, String messageId, String payload, String reason) {
        LOG.errorf("Dropped message %s from %s to the dead letters: %s", messageId, address, reason);
        entities.createNativeQuery("""
                        INSERT INTO delivery_dead_letter (id, address, message_id, payload, reason, received_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (message_id) DO NOTHING""")
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, address)
                .setParameter(3, messageId)
                .setParameter(4, payload)
                .setParameter(5, reason)
                .setParameter(6, Instant.now())
                .executeUpdate();
    }
}
