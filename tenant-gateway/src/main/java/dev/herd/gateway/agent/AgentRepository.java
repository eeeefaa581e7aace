package dev.herd.gateway.agent;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Persistence of agents; every query is filtered by the caller's tenant scope. */
@ApplicationScoped
public class AgentRepository implements PanacheRepositoryBase<Agent, UUID> {

    private static final Sort ORDER = Sort.by("tenantId").and("hostname");

    /** Agents of the scoped tenant, or of every tenant when {@code scope} is empty (MSSP staff). */
    public List<Agent> listVisible(Optional<String> scope) {
        return scope.map(tenant -> list("tenantId", ORDER, tenant)).orElseGet(() -> listAll(ORDER));
    }

    /** One agent, only if it is inside {@code scope}. */
    public Optional<Agent> findVisible(Optional<String> scope, UUID id) {
        return findByIdOptional(id)
                .filter(agent -> scope.map(agent.tenantId::equals).orElse(true));
    }
}
