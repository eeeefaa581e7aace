package dev.herd.hub.rejection;

import dev.herd.contracts.tenancy.Caller;
import dev.herd.contracts.tenancy.CurrentCaller;
import dev.herd.contracts.tenancy.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The rejection log over HTTP: MSSP staff see every provider's rejections, a provider only its own. */
@Path("/api/rejections")
@RolesAllowed({Roles.MSSP_ADMIN, Roles.MSSP_ANALYST, Roles.PROVIDER})
@Tag(name = "Rejections")
public class RejectionResource {

    private final RejectionLog log;
    private final CurrentCaller caller;

    public RejectionResource(RejectionLog log, CurrentCaller caller) {
        this.log = log;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "List rejected advisory documents and why")
    public List<Rejection> list(
            @QueryParam("provider") String provider,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        Caller who = caller.get();
        Optional<String> scope = who.isMsspStaff()
                ? Optional.ofNullable(provider)
                : Optional.of(who.providerId().orElse(""));
        return log.page(scope, page, size);
    }
}
