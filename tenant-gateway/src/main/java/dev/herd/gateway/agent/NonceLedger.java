package dev.herd.gateway.agent;

import dev.herd.gateway.GatewayConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;

/** The nonces agents used recently; a nonce seen twice for one agent is a replay. Old ones are pruned. */
@ApplicationScoped
public class NonceLedger {

    private final EntityManager entities;
    private final GatewayConfig config;

    public NonceLedger(EntityManager entities, GatewayConfig config) {
        this.entities = entities;
        this.config = config;
    }

    /** Records the nonce; false when the agent already used it (a concurrent twin waits for the first to commit). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean record(UUID agentId, String nonce, Instant seenAt) {
        int inserted = entities.createNativeQuery(
                        "INSERT INTO agent_nonce (agent_id, nonce, seen_at) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING")
                .setParameter(1, agentId)
                .setParameter(2, nonce)
                .setParameter(3, seenAt)
                .executeUpdate();
        return inserted == 1;
    }

    /** Forgets nonces older than twice the clock skew: their timestamps can no longer pass. */
    @Scheduled(every = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void prune() {
        Instant cutoff = Instant.now().minus(config.agentAuth().clockSkew().multipliedBy(2));
        entities.createNativeQuery("DELETE FROM agent_nonce WHERE seen_at < ?1")
                .setParameter(1, cutoff)
                .executeUpdate();
    }
}
