package dev.herd.contracts.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Which messages each subscription consumed already, and the ones it had to set aside. */
@ApplicationScoped
public class MessageLedger {

    /** Separates the ids packed into one text parameter: the ASCII unit separator. */
    private static final char SEPARATOR = '\u001f';

    private final EntityManager entityManager;

    public MessageLedger(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Records the message as consumed; false when it was consumed before (a redelivery). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String subscription, String messageId) {
        return entityManager
                        .createNativeQuery("INSERT INTO consumed_message (consumer, message_id) VALUES (:c, :m) "
                                + "ON CONFLICT DO NOTHING")
                        .setParameter("c", subscription)
                        .setParameter("m", messageId)
                        .executeUpdate()
                == 1;
    }

    /**
     * Records the messages as consumed with one statement; the ids among them that were not consumed before, in the
     * order given (the others are redeliveries).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<String> firstDeliveries(String subscription, List<String> messageIds) {
        if (messageIds.isEmpty()) {
            return List.of();
        }
        for (String id : messageIds) {
            if (id.isEmpty() || id.indexOf(SEPARATOR) >= 0) {
                // Packing would split it or drop it (an empty element): record such ids one by one.
                return messageIds.stream()
                        .filter(each -> firstDelivery(subscription, each))
                        .toList();
            }
        }
        @SuppressWarnings("unchecked")
        Set<String> fresh = new HashSet<>(entityManager
                .createNativeQuery("INSERT INTO consumed_message (consumer, message_id) "
                        + "SELECT :c, unnest(string_to_array(:m, chr(31))) ON CONFLICT DO NOTHING RETURNING message_id")
                .setParameter("c", subscription)
                .setParameter("m", String.join(String.valueOf(SEPARATOR), messageIds))
                .getResultList());
        return messageIds.stream().filter(fresh::remove).toList();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void deadLetter(String subscription, String messageId, String payload, String error) {
        entityManager
                .createNativeQuery("INSERT INTO dead_letter (id, consumer, message_id, payload, error) "
                        + "VALUES (:id, :c, :m, :p, :e)")
                .setParameter("id", UUID.randomUUID())
                .setParameter("c", subscription)
                .setParameter("m", messageId)
                .setParameter("p", payload == null ? "" : payload)
                .setParameter("e", error == null ? "" : error)
                .executeUpdate();
    }

    /** How many messages a subscription set aside (for tests and the status view). */
    public long deadLetters(String subscription) {
        return ((Number) entityManager
                        .createNativeQuery("SELECT count(*) FROM dead_letter WHERE consumer = :c")
                        .setParameter("c", subscription)
                        .getSingleResult())
                .longValue();
    }
}
