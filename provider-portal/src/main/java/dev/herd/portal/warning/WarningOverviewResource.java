package dev.herd.portal.warning;

import dev.herd.contracts.tenancy.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Every tenant's warnings with their reminder counts, for MSSP staff. */
@Path("/api/warnings")
@Tag(name = "Warnings")
public class WarningOverviewResource {

    private final WarningService service;

    public WarningOverviewResource(WarningService service) {
        this.service = service;
    }

    @GET
    @Operation(summary = "List every tenant's warnings with reminder counts")
    @RolesAllowed({Roles.MSSP_ADMIN, Roles.MSSP_ANALYST})
    public List<Warning> all(@QueryParam("state") String state) {
        return service.all(WarningState.parse(state));
    }
}
