package dev.herd.hub.taxii;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herd.contracts.tenancy.Roles;
import dev.herd.hub.HubConfig;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** TAXII 2.1 discovery (§4.1), the API root {@value #API_ROOT} (§4.2) and its list of collections (§5.1). */
@Path("/taxii2")
@RolesAllowed({Roles.TAXII_CONSUMER, Roles.MSSP_ADMIN, Roles.MSSP_ANALYST})
@Tag(name = "TAXII")
public class TaxiiDiscoveryResource {

    /** The one API root's path segment. */
    static final String API_ROOT = "herd";

    private final TaxiiService taxii;
    private final ObjectMapper json;
    private final HubConfig config;

    public TaxiiDiscoveryResource(TaxiiService taxii, ObjectMapper json, HubConfig config) {
        this.taxii = taxii;
        this.json = json;
        this.config = config;
    }

    @GET
    @Operation(summary = "Discover the TAXII server and its API root")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content =
                    @Content(
                            mediaType = TaxiiMediaType.TAXII,
                            schema = @Schema(implementation = TaxiiResources.Discovery.class)))
    @Path("/")
    public Response discovery(@HeaderParam(HttpHeaders.ACCEPT) String accept, @Context UriInfo uri) {
        TaxiiMediaType.require(accept);
        String root = uri.getBaseUriBuilder().path("taxii2").path(API_ROOT).build() + "/";
        ObjectNode discovery = JsonNodeFactory.instance.objectNode();
        discovery.put("title", "Herd advisory hub");
        discovery.put(
                "description",
                "Community indicators learnt from damage at Herd's client networks, as STIX 2.1 over TAXII 2.1.");
        discovery.put("default", root);
        discovery.putArray("api_roots").add(root);
        return TaxiiAnswer.of(json, discovery);
    }

    @GET
    @Operation(summary = "Describe the TAXII API root")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content =
                    @Content(
                            mediaType = TaxiiMediaType.TAXII,
                            schema = @Schema(implementation = TaxiiResources.ApiRoot.class)))
    @Path("/" + API_ROOT + "/")
    public Response apiRoot(@HeaderParam(HttpHeaders.ACCEPT) String accept) {
        TaxiiMediaType.require(accept);
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("title", "Herd community");
        root.put("description", "The collection of Herd's community indicators (read-only).");
        root.putArray("versions").add(TaxiiMediaType.TAXII);
        root.put("max_content_length", config.taxii().maxBundleBytes());
        return TaxiiAnswer.of(json, root);
    }

    @GET
    @Operation(summary = "List the TAXII collections")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content =
                    @Content(
                            mediaType = TaxiiMediaType.TAXII,
                            schema = @Schema(implementation = TaxiiResources.Collections.class)))
    @Path("/" + API_ROOT + "/collections/")
    public Response collections(@HeaderParam(HttpHeaders.ACCEPT) String accept) {
        TaxiiMediaType.require(accept);
        ObjectNode collections = JsonNodeFactory.instance.objectNode();
        collections.putArray("collections").add(taxii.collection(TaxiiService.COLLECTION_ID));
        return TaxiiAnswer.of(json, collections);
    }
}
