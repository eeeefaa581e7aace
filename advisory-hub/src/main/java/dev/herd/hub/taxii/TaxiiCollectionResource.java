package dev.herd.hub.taxii;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herd.contracts.problem.HerdException;
import dev.herd.contracts.tenancy.Roles;
import dev.herd.hub.HubConfig;
import dev.herd.hub.stix.StixIds;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The TAXII collection (§5.2), its objects (§5.4, §5.6), object versions (§5.8) and manifest (§5.3). */
@Path("/taxii2/" + TaxiiDiscoveryResource.API_ROOT + "/collections/{id}")
@RolesAllowed({Roles.TAXII_CONSUMER, Roles.MSSP_ADMIN, Roles.MSSP_ANALYST})
@Tag(name = "TAXII")
public class TaxiiCollectionResource {

    private final TaxiiService taxii;
    private final ObjectMapper json;
    private final HubConfig config;

    public TaxiiCollectionResource(TaxiiService taxii, ObjectMapper json, HubConfig config) {
        this.taxii = taxii;
        this.json = json;
        this.config = config;
    }

    @GET
    @Operation(summary = "Show the TAXII collection of advisories")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content =
                    @Content(
                            mediaType = TaxiiMediaType.TAXII,
                            schema = @Schema(implementation = TaxiiResources.Collection.class)))
    @Path("/")
    public Response collection(@PathParam("id") String id, @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        TaxiiMediaType.require(accept);
        return TaxiiAnswer.of(json, taxii.collection(id));
    }

    @GET
    @Operation(summary = "Page through the collection's STIX objects")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content =
                    @Content(
                            mediaType = TaxiiMediaType.TAXII,
                            schema = @Schema(implementation = TaxiiResources.Envelope.class)))
    @Path("/objects/")
    public Response objects(
            @PathParam("id") String id,
            @HeaderParam(HttpHeaders.ACCEPT) String accept,
            @QueryParam("added_after") String addedAfter,
            @QueryParam("limit") String limit,
            @QueryParam("next") String next,
            @QueryParam("match[id]") String matchId,
            @QueryParam("match[type]") String matchType,
            @QueryParam("match[version]") String matchVersion,
            @QueryParam("match[spec_version]") String matchSpecVersion) {
        TaxiiMediaType.require(accept);
        TaxiiFilter filter = filter(addedAfter, limit, next, matchId, matchType, matchVersion, matchSpecVersion);
        return TaxiiAnswer.of(json, taxii.objects(id, filter));
    }

    @GET
    @Operation(summary = "Get one STIX object of the collection")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content =
                    @Content(
                            mediaType = TaxiiMediaType.TAXII,
                            schema = @Schema(implementation = TaxiiResources.Envelope.class)))
    @Path("/objects/{objectId}/")
    public Response object(
            @PathParam("id") String id,
            @PathParam("objectId") String objectId,
            @HeaderParam(HttpHeaders.ACCEPT) String accept,
            @QueryParam("added_after") String addedAfter,
            @QueryParam("limit") String limit,
            @QueryParam("next") String next,
            @QueryParam("match[version]") String matchVersion,
            @QueryParam("match[spec_version]") String matchSpecVersion) {
        TaxiiMediaType.require(accept);
        requireObjectId(objectId);
        TaxiiFilter filter = filter(addedAfter, limit, next, objectId, null, matchVersion, matchSpecVersion);
        TaxiiService.Page page = taxii.objects(id, filter);
        if (!page.body().has("objects")) {
            throw HerdException.notFound("object-not-found", "No object '" + objectId + "' in this collection.");
        }
        return TaxiiAnswer.of(json, page);
    }

    @GET
    @Operation(summary = "List the versions of a STIX object")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content =
                    @Content(
                            mediaType = TaxiiMediaType.TAXII,
                            schema = @Schema(implementation = TaxiiResources.Versions.class)))
    @Path("/objects/{objectId}/versions/")
    public Response versions(
            @PathParam("id") String id,
            @PathParam("objectId") String objectId,
            @HeaderParam(HttpHeaders.ACCEPT) String accept,
            @QueryParam("added_after") String addedAfter,
            @QueryParam("limit") String limit,
            @QueryParam("next") String next,
            @QueryParam("match[spec_version]") String matchSpecVersion) {
        TaxiiMediaType.require(accept);
        requireObjectId(objectId);
        TaxiiFilter filter = filter(addedAfter, limit, next, objectId, null, TaxiiFilter.ALL, matchSpecVersion);
        return TaxiiAnswer.of(json, taxii.versions(id, objectId, filter));
    }

    @GET
    @Operation(summary = "List the manifest of the collection's objects")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content =
                    @Content(
                            mediaType = TaxiiMediaType.TAXII,
                            schema = @Schema(implementation = TaxiiResources.Manifest.class)))
    @Path("/manifest/")
    public Response manifest(
            @PathParam("id") String id,
            @HeaderParam(HttpHeaders.ACCEPT) String accept,
            @QueryParam("added_after") String addedAfter,
            @QueryParam("limit") String limit,
            @QueryParam("next") String next,
            @QueryParam("match[id]") String matchId,
            @QueryParam("match[type]") String matchType,
            @QueryParam("match[version]") String matchVersion,
            @QueryParam("match[spec_version]") String matchSpecVersion) {
        TaxiiMediaType.require(accept);
        TaxiiFilter filter = filter(addedAfter, limit, next, matchId, matchType, matchVersion, matchSpecVersion);
        return TaxiiAnswer.of(json, taxii.manifest(id, filter));
    }

    /** An id that is no STIX identifier names no object here. */
    private static void requireObjectId(String objectId) {
        int dashes = objectId.indexOf("--");
        if (dashes < 0 || !StixIds.valid(objectId, objectId.substring(0, dashes))) {
            throw HerdException.notFound("object-not-found", "No object '" + objectId + "' in this collection.");
        }
    }

    private TaxiiFilter filter(
            String addedAfter,
            String limit,
            String next,
            String matchId,
            String matchType,
            String matchVersion,
            String matchSpecVersion) {
        return TaxiiFilter.of(
                addedAfter,
                limit,
                next,
                matchId,
                matchType,
                matchVersion,
                matchSpecVersion,
                config.taxii().defaultPageSize(),
                config.taxii().maxPageSize());
    }
}
