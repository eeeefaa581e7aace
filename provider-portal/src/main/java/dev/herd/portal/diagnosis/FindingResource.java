package dev.herd.portal.diagnosis;

import dev.herd.contracts.problem.HerdException;
import dev.herd.contracts.tenancy.CurrentCaller;
import dev.herd.contracts.tenancy.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Findings of a tenant: listed per machine / advisory / state, their history, accepting a risk, diagnosing anew. */
@Path("/api/tenants/{tenant}")
@Tag(name = "Findings")
public class FindingResource {

    private final FindingRepository findings;
    private final FindingPageService pages;
    private final RiskAcceptanceService risks;
    private final DiagnosisService diagnosis;
    private final CurrentCaller caller;

    public FindingResource(
            FindingRepository findings,
            FindingPageService pages,
            RiskAcceptanceService risks,
            DiagnosisService diagnosis,
            CurrentCaller caller) {
        this.findings = findings;
        this.pages = pages;
        this.risks = risks;
        this.diagnosis = diagnosis;
        this.caller = caller;
    }

    /** A reason for accepting a risk. */
    public record RiskAcceptance(@NotBlank @Size(max = 2000) String reason) {}

    /**
     * A page of the tenant's findings in id order, or with {@code sort=epss} by EPSS score. The next page is in
     * {@code X-Next-Cursor} and the {@code Link} header (rel="next"); the total in {@code X-Total-Count}, counted or
     * estimated as {@code X-Total-Kind} says. See docs/findings-api.md.
     */
    @GET
    @Operation(summary = "Page through a tenant's findings")
    @APIResponse(
            responseCode = "200",
            description =
                    "One page of findings; X-Next-Cursor and Link name the next, X-Total-Count and X-Total-Kind the total.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = FindingView.class)))
    @Path("/findings")
    @RolesAllowed({Roles.MSSP_ADMIN, Roles.MSSP_ANALYST, Roles.TENANT_ADMIN, Roles.TENANT_VIEWER})
    public Response list(
            @PathParam("tenant") String tenant, @BeanParam FindingListRequest request, @Context UriInfo uriInfo) {
        caller.get().requireAccessTo(tenant);
        FindingPage page =
                pages.page(tenant, request.filter(), request.sort(), request.cursor(), request.size(), request.total());
        Response.ResponseBuilder answer = Response.ok(page.findings())
                .header("X-Total-Count", page.total().count())
                .header("X-Total-Kind", page.total().kind().label());
        if (page.next() != null) {
            String cursor = page.next().encode();
            URI next = uriInfo.getRequestUriBuilder()
                    .replaceQueryParam("cursor", cursor)
                    .build();
            answer.header("X-Next-Cursor", cursor).header("Link", "<" + next + ">; rel=\"next\"");
        }
        return answer.build();
    }

    @GET
    @Operation(summary = "Show a finding's history")
    @Path("/findings/{id}/history")
    @RolesAllowed({Roles.MSSP_ADMIN, Roles.MSSP_ANALYST, Roles.TENANT_ADMIN, Roles.TENANT_VIEWER})
    public List<FindingHistoryEntry> history(@PathParam("tenant") String tenant, @PathParam("id") long id) {
        caller.get().requireAccessTo(tenant);
        Finding finding = findings.ofTenant(tenant, id).orElseThrow(() -> notFound(id));
        return findings.history(finding);
    }

    @POST
    @Operation(summary = "Accept the risk of a finding")
    @APIResponse(
            responseCode = "200",
            description = "The finding's history, with the acceptance.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = FindingHistoryEntry.class)))
    @APIResponse(responseCode = "409", description = "The finding is closed.")
    @Path("/findings/{id}/accept-risk")
    @RolesAllowed({Roles.MSSP_ADMIN, Roles.TENANT_ADMIN})
    public List<FindingHistoryEntry> acceptRisk(
            @PathParam("tenant") String tenant, @PathParam("id") long id, @Valid @NotNull RiskAcceptance body) {
        caller.get().requireAccessTo(tenant);
        return risks.accept(tenant, id, caller.get().subject(), body.reason());
    }

    @POST
    @Operation(summary = "Diagnose a tenant's machines anew")
    @Path("/diagnosis")
    @RolesAllowed({Roles.MSSP_ADMIN, Roles.TENANT_ADMIN})
    public DiagnosisSummary diagnose(@PathParam("tenant") String tenant) {
        caller.get().requireAccessTo(tenant);
        return diagnosis.diagnoseTenant(tenant);
    }

    private static HerdException notFound(long id) {
        return HerdException.notFound("finding-not-found", "No finding " + id + " in this tenant.");
    }
}
