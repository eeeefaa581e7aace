package dev.herd.hub.epss;

import dev.herd.contracts.problem.HerdException;
import dev.herd.contracts.tenancy.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** EPSS over HTTP: the MSSP admin imports FIRST.org's daily CSV (plain or gzipped); staff read one CVE's score. */
@Path("/api/epss")
@Tag(name = "EPSS")
public class EpssResource {

    private final EpssService service;
    private final EpssRepository scores;

    public EpssResource(EpssService service, EpssRepository scores) {
        this.service = service;
        this.scores = scores;
    }

    @POST
    @Operation(summary = "Import FIRST.org's daily EPSS file")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN, "application/gzip", MediaType.APPLICATION_OCTET_STREAM})
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.MSSP_ADMIN)
    public EpssImport importFile(InputStream body) {
        return service.importFile(body);
    }

    /** A CVE's stored score; 404 {@code epss-unknown} when no file scored it. */
    @GET
    @Operation(summary = "Show a CVE's EPSS score")
    @Path("/{cve}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.MSSP_ADMIN, Roles.MSSP_ANALYST, Roles.PROVIDER})
    public EpssScore score(@PathParam("cve") String cve) {
        String id = cve.toUpperCase(Locale.ROOT);
        List<BigDecimal> score = scores.score(id);
        if (score.isEmpty()) {
            throw HerdException.notFound("epss-unknown", "No EPSS score for " + id);
        }
        return new EpssScore(id, score.get(0).doubleValue(), score.get(1).doubleValue());
    }

    /** One CVE's EPSS score and percentile. */
    public record EpssScore(String cve, double epss, double percentile) {}
}
