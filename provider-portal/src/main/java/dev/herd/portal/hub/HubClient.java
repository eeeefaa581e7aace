package dev.herd.portal.hub;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The advisory hub's read and revoke API as the portal's admin pages call it ({@code quarkus.rest-client.hub.url}),
 * each call with the signed-in MSSP admin's own bearer token, so the hub checks the same roles it always does.
 */
@RegisterRestClient(configKey = "hub")
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public interface HubClient {

    @GET
    @Path("/providers")
    List<HubViews.Provider> providers(@HeaderParam("Authorization") String bearer);

    @GET
    @Path("/sources")
    List<HubViews.Source> sources(@HeaderParam("Authorization") String bearer);

    @GET
    @Path("/rejections")
    List<HubViews.Rejection> rejections(
            @HeaderParam("Authorization") String bearer, @QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/community-advisories")
    List<HubViews.CommunityAdvisory> community(@HeaderParam("Authorization") String bearer);

    @POST
    @Path("/community-advisories/{id}/revoke")
    @Consumes(MediaType.APPLICATION_JSON)
    HubViews.CommunityAdvisory revoke(
            @HeaderParam("Authorization") String bearer, @PathParam("id") String id, HubViews.Revocation revocation);
}
