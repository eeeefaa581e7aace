package dev.herd.portal.interconnection;

import dev.herd.contracts.tenancy.CurrentCaller;
import dev.herd.contracts.tenancy.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A tenant's interconnection policies towards partner tenants (DESIGN §3.6) and the decision for each now. */
@Path("/api/tenants/{tenant}/interconnections")
@Tag(name = "Interconnections")
public class InterconnectionResource {

    private final InterconnectionService service;
    private final CurrentCaller caller;

    public InterconnectionResource(InterconnectionService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "List a tenant's interconnection policies and the decision for each now")
    @RolesAllowed({Roles.MSSP_ADMIN, Roles.MSSP_ANALYST, Roles.TENANT_ADMIN, Roles.TENANT_VIEWER})
    public List<InterconnectionView> list(@PathParam("tenant") String tenant) {
        caller.get().requireAccessTo(tenant);
        return service.view(tenant);
    }

    @PUT
    @Operation(summary = "Replace a tenant's interconnection policies")
    @RolesAllowed({Roles.MSSP_ADMIN, Roles.TENANT_ADMIN})
    public List<InterconnectionView> replace(
            @PathParam("tenant") String tenant, List<InterconnectionView.Policy> policies) {
        caller.get().requireAccessTo(tenant);
        return service.replace(tenant, policies, caller.get().subject());
    }
}
