package dev.herd.hub.advisory;

import dev.herd.contracts.problem.HerdException;
import dev.herd.contracts.tenancy.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Canonical advisories over HTTP: search them, or read one with what every provider said about it. */
@Path("/api/advisories")
@RolesAllowed({Roles.MSSP_ADMIN, Roles.MSSP_ANALYST, Roles.PROVIDER})
@Tag(name = "Advisories")
public class AdvisoryResource {

    private final AdvisorySearch search;
    private final AdvisoryRepository advisories;
    private final ProvenanceRepository provenance;

    public AdvisoryResource(AdvisorySearch search, AdvisoryRepository advisories, ProvenanceRepository provenance) {
        this.search = search;
        this.advisories = advisories;
        this.provenance = provenance;
    }

    @GET
    @Operation(summary = "Search canonical advisories")
    public AdvisoryPage<AdvisoryView> search(
            @QueryParam("ecosystem") String ecosystem,
            @QueryParam("package") String packageName,
            @QueryParam("alias") String alias,
            @QueryParam("severity") String severity,
            @QueryParam("knownExploited") Boolean knownExploited,
            @QueryParam("modifiedSince") String modifiedSince,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        AdvisoryQuery query = new AdvisoryQuery(
                ecosystem, packageName, alias, severity(severity), knownExploited, instant(modifiedSince), page, size);
        return search.search(query).map(a -> AdvisoryView.of(a, null));
    }

    @GET
    @Operation(summary = "Show an advisory with what each provider said")
    @Path("/{id}")
    public AdvisoryView get(@PathParam("id") String id) {
        Advisory advisory = advisories
                .findByIdOptional(id)
                .orElseThrow(() -> HerdException.notFound("advisory-not-found", "No advisory '" + id + "'."));
        return AdvisoryView.of(
                advisory,
                provenance.listFor(id).stream()
                        .map(AdvisoryView.ProvenanceView::of)
                        .toList());
    }

    private static Severity severity(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Severity.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw HerdException.badRequest(
                    "severity-unknown",
                    "severity must be one of NONE, LOW, MEDIUM, HIGH, CRITICAL; got '" + value + "'.");
        }
    }

    private static Instant instant(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw HerdException.badRequest(
                    "modified-since-invalid",
                    "modifiedSince must be an ISO-8601 instant such as 2026-11-21T00:00:00Z.");
        }
    }
}
