package dev.herd.portal.sbom;

import dev.herd.contracts.problem.BoundedBody;
import dev.herd.contracts.problem.HerdException;
import dev.herd.contracts.tenancy.CurrentCaller;
import dev.herd.contracts.tenancy.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * SBOMs of a tenant's machines and applications: attach (CycloneDX JSON or XML, SPDX JSON or tag-value, told apart by
 * the Content-Type), list, show, remove.
 */
@Path("/api/tenants/{tenant}")
@Tag(name = "SBOMs")
public class SbomResource {

    static final int DEFAULT_SIZE = 100;
    static final int MAX_SIZE = 500;

    private static final String WHAT = "one CycloneDX 1.5/1.6 (JSON or XML) or SPDX 2.3 (JSON or tag-value) document";

    private final SbomService sboms;
    private final SbomConfig config;
    private final CurrentCaller caller;

    public SbomResource(SbomService sboms, SbomConfig config, CurrentCaller caller) {
        this.sboms = sboms;
        this.config = config;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "Attach an SBOM to a machine")
    @APIResponse(
            responseCode = "201",
            description = "The SBOM as stored, with its open findings; Location names it.",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SbomView.class)))
    @APIResponse(
            responseCode = "409",
            description = "Several machines of the tenant have this name: name it by its id.")
    @APIResponse(responseCode = "413", description = "The SBOM is larger than the portal accepts.")
    @Path("/machines/{machine}/sboms")
    @Consumes({
        "application/json",
        "application/vnd.cyclonedx+json",
        "application/spdx+json",
        "application/vnd.cyclonedx+xml",
        "application/xml",
        "text/xml",
        "text/spdx"
    })
    @RolesAllowed({Roles.MSSP_ADMIN, Roles.MSSP_ANALYST, Roles.TENANT_ADMIN})
    public Response attachToMachine(
            @PathParam("tenant") String tenant,
            @PathParam("machine") String machine,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType type,
            InputStream body)
            throws IOException {
        caller.get().requireAccessTo(tenant);
        return attached(
                tenant,
                sboms.attach(tenant, sboms.machine(tenant, machine), read(body), SbomEncoding.of(type), subject()));
    }

    @POST
    @Operation(summary = "Attach an SBOM to an application")
    @APIResponse(
            responseCode = "201",
            description = "The SBOM as stored, with its open findings; Location names it.",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SbomView.class)))
    @APIResponse(responseCode = "413", description = "The SBOM is larger than the portal accepts.")
    @Path("/applications/{application}/sboms")
    @Consumes({
        "application/json",
        "application/vnd.cyclonedx+json",
        "application/spdx+json",
        "application/vnd.cyclonedx+xml",
        "application/xml",
        "text/xml",
        "text/spdx"
    })
    @RolesAllowed({Roles.MSSP_ADMIN, Roles.MSSP_ANALYST, Roles.TENANT_ADMIN})
    public Response attachToApplication(
            @PathParam("tenant") String tenant,
            @PathParam("application") String application,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType type,
            InputStream body)
            throws IOException {
        caller.get().requireAccessTo(tenant);
        SbomSubject subject = sboms.application(application);
        return attached(tenant, sboms.attach(tenant, subject, read(body), SbomEncoding.of(type), subject()));
    }

    @GET
    @Operation(summary = "List a tenant's SBOMs")
    @Path("/sboms")
    @RolesAllowed({Roles.MSSP_ADMIN, Roles.MSSP_ANALYST, Roles.TENANT_ADMIN, Roles.TENANT_VIEWER})
    public List<SbomView> list(
            @PathParam("tenant") String tenant,
            @QueryParam("machine") String machine,
            @QueryParam("application") String application,
            @QueryParam("size") String size) {
        caller.get().requireAccessTo(tenant);
        SbomSubject subject = machine != null
                ? sboms.machine(tenant, machine)
                : application != null ? sboms.application(application) : null;
        return sboms.list(tenant, subject, size(size));
    }

    @GET
    @Operation(summary = "List a machine's SBOMs")
    @Path("/machines/{machine}/sboms")
    @RolesAllowed({Roles.MSSP_ADMIN, Roles.MSSP_ANALYST, Roles.TENANT_ADMIN, Roles.TENANT_VIEWER})
    public List<SbomView> ofMachine(
            @PathParam("tenant") String tenant, @PathParam("machine") String machine, @QueryParam("size") String size) {
        caller.get().requireAccessTo(tenant);
        return sboms.list(tenant, sboms.machine(tenant, machine), size(size));
    }

    @GET
    @Operation(summary = "List an application's SBOMs")
    @Path("/applications/{application}/sboms")
    @RolesAllowed({Roles.MSSP_ADMIN, Roles.MSSP_ANALYST, Roles.TENANT_ADMIN, Roles.TENANT_VIEWER})
    public List<SbomView> ofApplication(
            @PathParam("tenant") String tenant,
            @PathParam("application") String application,
            @QueryParam("size") String size) {
        caller.get().requireAccessTo(tenant);
        return sboms.list(tenant, sboms.application(application), size(size));
    }

    @GET
    @Operation(summary = "Show an SBOM")
    @Path("/sboms/{id}")
    @RolesAllowed({Roles.MSSP_ADMIN, Roles.MSSP_ANALYST, Roles.TENANT_ADMIN, Roles.TENANT_VIEWER})
    public SbomView get(@PathParam("tenant") String tenant, @PathParam("id") String id) {
        caller.get().requireAccessTo(tenant);
        return sboms.get(tenant, id);
    }

    @DELETE
    @Operation(summary = "Remove an SBOM")
    @APIResponse(responseCode = "204", description = "The SBOM and its findings are removed.")
    @Path("/sboms/{id}")
    @RolesAllowed({Roles.MSSP_ADMIN, Roles.MSSP_ANALYST, Roles.TENANT_ADMIN})
    public Response delete(@PathParam("tenant") String tenant, @PathParam("id") String id) {
        caller.get().requireAccessTo(tenant);
        sboms.delete(tenant, id);
        return Response.noContent().build();
    }

    private byte[] read(InputStream body) throws IOException {
        return BoundedBody.read(body, config.maxBytes(), "sbom-too-large", WHAT);
    }

    private String subject() {
        return caller.get().subject();
    }

    private static Response attached(String tenant, SbomView view) {
        return Response.created(URI.create("/api/tenants/" + tenant + "/sboms/" + view.id()))
                .entity(view)
                .build();
    }

    private static int size(String size) {
        if (size == null || size.isBlank()) {
            return DEFAULT_SIZE;
        }
        try {
            int value = Integer.parseInt(size.strip());
            if (value >= 1 && value <= MAX_SIZE) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below, as for a number out of range
        }
        throw HerdException.badRequest("size-invalid", "size must be a whole number from 1 to " + MAX_SIZE + ".");
    }
}
