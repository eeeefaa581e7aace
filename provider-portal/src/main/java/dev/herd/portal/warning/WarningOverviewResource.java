package dev.herd.portal.warning;

import dev.herd.contracts.tenancy.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.util.List;

/** Every tenant's warnings with their reminder counts, for MSSP staff. */
@Path("/api/warnings")
public class WarningOverviewResource {

    private final WarningService service;

    public WarningOverviewResource(WarningService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed({Roles.MSSP_ADMIN, Roles.MSSP_ANALYST})
    public List<Warning> all(@QueryParam("state") String state) {
        return service.all(WarningState.parse(state));
    }
}
