package dev.herd.portal.diagnosis;

import dev.herd.contracts.tenancy.CurrentCaller;
import dev.herd.contracts.tenancy.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A tenant's exposure: its machines listening on a (protocol, port), read from the index of open ports. */
@Path("/api/tenants/{tenant}/exposure")
@Tag(name = "Findings")
public class ExposureResource {

    private final ExposureService service;
    private final CurrentCaller caller;

    public ExposureResource(ExposureService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "List a tenant's machines listening on a port")
    @RolesAllowed({Roles.MSSP_ADMIN, Roles.MSSP_ANALYST, Roles.TENANT_ADMIN, Roles.TENANT_VIEWER})
    public ExposureView exposure(@PathParam("tenant") String tenant, @BeanParam ExposureRequest request) {
        caller.get().requireAccessTo(tenant);
        return service.exposure(tenant, request.ports(), request.after(), request.size());
    }
}
