package dev.herd.portal.tenant;

import dev.herd.contracts.problem.HerdException;
import dev.herd.contracts.tenancy.Caller;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/** Registers tenants and shows each caller the tenants it may see. */
@ApplicationScoped
public class TenantService {

    private final TenantRepository tenants;

    public TenantService(TenantRepository tenants) {
        this.tenants = tenants;
    }

    public List<TenantView> visibleTo(Caller caller) {
        return tenants.listVisible(caller.tenantScope()).stream()
                .map(TenantView::of)
                .toList();
    }

    /** One page of the tenants the caller may see, in {@code order}; {@code index} counts from 0. */
    public TenantPage page(Caller caller, TenantPage.Order order, int index, int size) {
        List<Tenant> page = order.byFigure()
                ? tenants.pageByFigure(caller.tenantScope(), order, index, size)
                : tenants.pageVisible(caller.tenantScope(), sort(order), index, size);
        List<TenantView> rows = page.stream().map(TenantView::of).toList();
        return new TenantPage(rows, index, size, tenants.countVisible(caller.tenantScope()));
    }

    private static Sort sort(TenantPage.Order order) {
        return switch (order) {
            case ID_DESC -> Sort.descending("id");
            case NAME -> Sort.by("displayName").and("id");
            case NAME_DESC -> Sort.descending("displayName").and("id", Sort.Direction.Descending);
            default -> Sort.by("id");
        };
    }

    public TenantView get(Caller caller, String id) {
        caller.requireAccessTo(id);
        return tenants.findByIdOptional(id)
                .map(TenantView::of)
                .orElseThrow(() -> HerdException.notFound("tenant-not-found", "No tenant '" + id + "'."));
    }

    @Transactional
    public TenantView register(NewTenant request) {
        if (tenants.findByIdOptional(request.id()).isPresent()) {
            throw HerdException.conflict("tenant-exists", "Tenant '" + request.id() + "' already exists.");
        }
        Tenant tenant = new Tenant();
        tenant.id = request.id();
        tenant.displayName = request.displayName().strip();
        tenant.createdAt = Instant.now();
        tenants.persist(tenant);
        return TenantView.of(tenant);
    }
}
