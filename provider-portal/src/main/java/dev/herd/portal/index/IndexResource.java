package dev.herd.portal.index;

import dev.herd.contracts.tenancy.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Every tenant's vulnerability and risk indices, for MSSP staff. Tenant users read their own through
 * {@link TenantIndexResource}.
 */
@Path("/api/indices")
@Tag(name = "Indices")
public class IndexResource {

    private final IndexService indices;

    public IndexResource(IndexService indices) {
        this.indices = indices;
    }

    @GET
    @Operation(summary = "List every tenant's vulnerability and risk indices")
    @RolesAllowed({Roles.MSSP_ADMIN, Roles.MSSP_ANALYST})
    public List<TenantIndices> all() {
        return indices.all();
    }
}
