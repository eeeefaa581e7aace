package dev.herd.portal.traffic;

import dev.herd.contracts.tenancy.CurrentCaller;
import dev.herd.contracts.tenancy.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A tenant's network traffic from its monitor records: per protocol in five-minute windows, and per machine. */
@Path("/api/tenants/{tenant}/traffic")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Traffic")
public class TrafficResource {

    private final TrafficService traffic;
    private final CurrentCaller caller;

    public TrafficResource(TrafficService traffic, CurrentCaller caller) {
        this.traffic = traffic;
        this.caller = caller;
    }

    /** The last {@code hours} (1 to 168, default 24): per protocol in five-minute windows, the 20 busiest machines. */
    @GET
    @Operation(summary = "Show a tenant's network traffic by protocol and machine")
    @RolesAllowed({Roles.MSSP_ADMIN, Roles.MSSP_ANALYST, Roles.TENANT_ADMIN, Roles.TENANT_VIEWER})
    public TrafficView get(@PathParam("tenant") String tenant, @QueryParam("hours") String hours) {
        return traffic.of(caller.get(), tenant, hours, Instant.now());
    }
}
