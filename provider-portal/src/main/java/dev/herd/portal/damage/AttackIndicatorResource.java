package dev.herd.portal.damage;

import dev.herd.contracts.damage.DamageReport;
import dev.herd.contracts.problem.HerdException;
import dev.herd.contracts.tenancy.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The MSSP's attack database. It names no tenant, because it protects all of them: every authenticated user of the
 * MSSP may read it.
 */
@Path("/api/attack-indicators")
@Tag(name = "Damage")
public class AttackIndicatorResource {

    private final AttackIndicatorRepository indicators;

    public AttackIndicatorResource(AttackIndicatorRepository indicators) {
        this.indicators = indicators;
    }

    @GET
    @Operation(summary = "List the MSSP's attack indicators")
    @RolesAllowed({Roles.MSSP_ADMIN, Roles.MSSP_ANALYST, Roles.TENANT_ADMIN, Roles.TENANT_VIEWER})
    public List<AttackIndicator> list(@QueryParam("type") String type) {
        return indicators.list(type(type));
    }

    private static DamageReport.Type type(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return DamageReport.Type.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw HerdException.badRequest(
                    "unknown-indicator-type",
                    "type must be SIGNATURE, FILE_HASH or ATTACKER_ADDRESS; got '" + text + "'.");
        }
    }
}
