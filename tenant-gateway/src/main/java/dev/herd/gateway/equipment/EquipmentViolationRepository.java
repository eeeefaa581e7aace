package dev.herd.gateway.equipment;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Persistence of equipment violations; every read is filtered by a tenant or the caller's tenant scope. */
@ApplicationScoped
public class EquipmentViolationRepository implements PanacheRepositoryBase<EquipmentViolation, UUID> {

    private static final Sort ORDER = Sort.by("detectedAt").and("id");

    /** The tenant's violations, oldest first. */
    public List<EquipmentViolation> listFor(String tenantId) {
        return list("tenantId", ORDER, tenantId);
    }

    /** The violation if it exists and lies in the scope; another tenant's violation is not found. */
    public Optional<EquipmentViolation> findVisible(UUID id, Optional<String> scope) {
        return findByIdOptional(id).filter(v -> scope.map(v.tenantId::equals).orElse(true));
    }

    /** The agent's newest violations, newest first, at most {@code limit}. */
    public List<EquipmentViolation> newestForAgent(String tenantId, UUID agentId, int limit) {
        return find("tenantId = ?1 and agentId = ?2", Sort.descending("detectedAt", "id"), tenantId, agentId)
                .page(0, limit)
                .list();
    }

    /** Every violation whose machine the device should hold isolated, of every tenant: for a restart. */
    public List<EquipmentViolation> listOpen() {
        return list("status", ORDER, EquipmentViolation.Status.OPEN);
    }
}
