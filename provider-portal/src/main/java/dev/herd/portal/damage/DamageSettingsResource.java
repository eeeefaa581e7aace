package dev.herd.portal.damage;

import dev.herd.contracts.tenancy.CurrentCaller;
import dev.herd.contracts.tenancy.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A tenant's damage settings: everyone of the tenant reads them, its admins and MSSP admins change them. */
@Path("/api/tenants/{tenant}/damage-settings")
@Tag(name = "Damage")
public class DamageSettingsResource {

    private final DamageSettingsRepository settings;
    private final CurrentCaller caller;

    public DamageSettingsResource(DamageSettingsRepository settings, CurrentCaller caller) {
        this.settings = settings;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "Show a tenant's damage settings")
    @RolesAllowed({Roles.MSSP_ADMIN, Roles.MSSP_ANALYST, Roles.TENANT_ADMIN, Roles.TENANT_VIEWER})
    public DamageSettings get(@PathParam("tenant") String tenant) {
        caller.get().requireAccessTo(tenant);
        return settings.of(tenant);
    }

    @PUT
    @Operation(summary = "Change a tenant's damage settings")
    @Transactional
    @RolesAllowed({Roles.MSSP_ADMIN, Roles.TENANT_ADMIN})
    public DamageSettings put(@PathParam("tenant") String tenant, @Valid @NotNull DamageSettings body) {
        caller.get().requireAccessTo(tenant);
        settings.save(tenant, body, caller.get().subject());
        return settings.of(tenant);
    }
}
