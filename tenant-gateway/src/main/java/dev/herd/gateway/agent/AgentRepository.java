package dev.herd.gateway.agent;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Persistence of agents; every query is filtered by the caller's tenant scope. */
@ApplicationScoped
public class AgentRepository implements PanacheRepositoryBase<Agent, UUID> {

    private static final Sort ORDER = Sort.by("tenantId").and("hostname");
    private static final String SILENT = "coalesce(lastHeartbeatAt, enrolledAt) < :cutoff";

    /** Agents of the scoped tenant, or of every tenant when {@code scope} is empty (MSSP staff). */
    public List<Agent> listVisible(Optional<String> scope) {
        return scope.map(tenant -> list("tenantId", ORDER, tenant)).orElseGet(() -> listAll(ORDER));
    }

    /** Agents inside {@code scope} not heard from since {@code cutoff} (never-heard agents count from enrolment). */
    public List<Agent> listOverdue(Optional<String> scope, Instant cutoff) {
        Parameters params = Parameters.with("cutoff", cutoff);
        return scope.map(tenant -> list(SILENT + " and tenantId = :tenant", ORDER, params.and("tenant", tenant)))
                .orElseGet(() -> list(SILENT, ORDER, params));
    }

    /** One agent, only if it is inside {@code scope}. */
    public Optional<Agent> findVisible(Optional<String> scope, UUID id) {
        return findByIdOptional(id)
                .filter(agent -> scope.map(agent.tenantId::equals).orElse(true));
    }

    /** Re-reads the agent and locks its row until the transaction ends, so its reports are taken one at a time. */
    public void lockForUpdate(Agent agent) {
        getEntityManager().refresh(agent, LockModeType.PESSIMISTIC_WRITE);
    }
}
