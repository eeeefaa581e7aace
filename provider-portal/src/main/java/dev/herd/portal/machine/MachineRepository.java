package dev.herd.portal.machine;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Machines, always read for one tenant (or for the machines a package change touches). */
@ApplicationScoped
public class MachineRepository implements PanacheRepositoryBase<Machine, UUID> {

    public List<Machine> ofTenant(String tenantId) {
        return list("tenantId", io.quarkus.panache.common.Sort.by("name"), tenantId);
    }

    public List<Machine> byIds(Collection<UUID> ids) {
        return ids.isEmpty() ? List.of() : list("id in ?1", ids);
    }
}
