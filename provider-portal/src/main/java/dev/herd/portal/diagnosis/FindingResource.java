package dev.herd.portal.diagnosis;

import dev.herd.contracts.problem.HerdException;
import dev.herd.contracts.tenancy.CurrentCaller;
import dev.herd.contracts.tenancy.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Findings of a tenant: listed per machine / advisory / state, their history, accepting a risk, diagnosing anew. */
@Path("/api/tenants/{tenant}")
public class FindingResource {

    private static final int MAX_PAGE_SIZE = 10_000;

    private final FindingRepository findings;
    private final FindingReconciler reconciler;
    private final DiagnosisService diagnosis;
    private final CurrentCaller caller;

    public FindingResource(
            FindingRepository findings,
            FindingReconciler reconciler,
            DiagnosisService diagnosis,
            CurrentCaller caller) {
        this.findings = findings;
        this.reconciler = reconciler;
        this.diagnosis = diagnosis;
        this.caller = caller;
    }

    /** A reason for accepting a risk. */
    public record RiskAcceptance(@NotBlank @Size(max = 2000) String reason) {}

    @GET
    @Path("/findings")
    @RolesAllowed({Roles.MSSP_ADMIN, Roles.MSSP_ANALYST, Roles.TENANT_ADMIN, Roles.TENANT_VIEWER})
    public Response list(
            @PathParam("tenant") String tenant,
            @QueryParam("machine") String machine,
            @QueryParam("machineId") String machineId,
            @QueryParam("advisory") String advisory,
            @QueryParam("state") String state,
            @QueryParam("includeClosed") @DefaultValue("false") boolean includeClosed,
            @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("1000") int size) {
        caller.get().requireAccessTo(tenant);
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw HerdException.badRequest(
                    "paging-invalid", "page must be >= 0 and size between 1 and " + MAX_PAGE_SIZE + ".");
        }
        FindingRepository.Filter filter =
                new FindingRepository.Filter(uuid(machineId), machine, advisory, state(state), includeClosed);
        return Response.ok(findings.list(tenant, filter, page, size))
                .header("X-Total-Count", findings.count(tenant, filter))
                .build();
    }

    @GET
    @Path("/findings/{id}/history")
    @RolesAllowed({Roles.MSSP_ADMIN, Roles.MSSP_ANALYST, Roles.TENANT_ADMIN, Roles.TENANT_VIEWER})
    public List<FindingHistoryEntry> history(@PathParam("tenant") String tenant, @PathParam("id") long id) {
        caller.get().requireAccessTo(tenant);
        Finding finding = findings.ofTenant(tenant, id).orElseThrow(() -> notFound(id));
        return findings.history(finding);
    }

    @POST
    @Path("/findings/{id}/accept-risk")
    @Transactional
    @RolesAllowed({Roles.MSSP_ADMIN, Roles.TENANT_ADMIN})
    public List<FindingHistoryEntry> acceptRisk(
            @PathParam("tenant") String tenant, @PathParam("id") long id, @Valid @NotNull RiskAcceptance body) {
        caller.get().requireAccessTo(tenant);
        Finding finding = findings.ofTenant(tenant, id).orElseThrow(() -> notFound(id));
        if (finding.closedAt != null) {
            throw HerdException.conflict("finding-closed", "Finding " + id + " is closed (" + finding.state + ").");
        }
        reconciler.transition(
                List.of(finding.id),
                FindingState.ACCEPTED_RISK,
                null,
                "risk accepted by " + caller.get().subject() + ": "
                        + body.reason().strip(),
                Instant.now());
        return findings.history(finding);
    }

    @POST
    @Path("/diagnosis")
    @RolesAllowed({Roles.MSSP_ADMIN, Roles.TENANT_ADMIN})
    public DiagnosisSummary diagnose(@PathParam("tenant") String tenant) {
        caller.get().requireAccessTo(tenant);
        return diagnosis.diagnoseTenant(tenant);
    }

    private static HerdException notFound(long id) {
        return HerdException.notFound("finding-not-found", "No finding " + id + " in this tenant.");
    }

    private static UUID uuid(String value) {
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw HerdException.badRequest("machine-id-invalid", "machineId '" + value + "' is not a UUID.");
        }
    }

    private static FindingState state(String value) {
        if (value == null) {
            return null;
        }
        try {
            return FindingState.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw HerdException.badRequest(
                    "state-invalid", "state must be one of " + List.of(FindingState.values()) + ".");
        }
    }
}
