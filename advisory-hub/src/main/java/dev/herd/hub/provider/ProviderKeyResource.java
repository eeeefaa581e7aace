package dev.herd.hub.provider;

import dev.herd.contracts.tenancy.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A provider's OpenPGP keys over HTTP: MSSP admins register and remove them, MSSP staff read them. */
@Path("/api/providers/{id}/keys")
@Tag(name = "Provider keys")
public class ProviderKeyResource {

    static final String PGP_KEYS = "application/pgp-keys";

    private final ProviderKeyService service;

    public ProviderKeyResource(ProviderKeyService service) {
        this.service = service;
    }

    @GET
    @Operation(summary = "List a provider's OpenPGP keys")
    @RolesAllowed({Roles.MSSP_ADMIN, Roles.MSSP_ANALYST})
    public List<ProviderKeyView> list(@PathParam("id") String providerId) {
        return service.list(providerId);
    }

    @GET
    @Operation(summary = "Show one of a provider's OpenPGP keys")
    @Path("/{fingerprint}")
    @RolesAllowed({Roles.MSSP_ADMIN, Roles.MSSP_ANALYST})
    public ProviderKeyView get(@PathParam("id") String providerId, @PathParam("fingerprint") String fingerprint) {
        return service.get(providerId, fingerprint);
    }

    /** The body is an ASCII-armored OpenPGP public key (or several); the answer lists the keys registered. */
    @POST
    @Operation(summary = "Register OpenPGP public keys for a provider")
    @APIResponse(
            responseCode = "201",
            description = "The keys registered; Location names the first.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = ProviderKeyView.class)))
    @APIResponse(responseCode = "409", description = "The key is registered for this provider already.")
    @Consumes({MediaType.TEXT_PLAIN, PGP_KEYS})
    @RolesAllowed(Roles.MSSP_ADMIN)
    public Response add(@PathParam("id") String providerId, String armored) {
        List<ProviderKeyView> added = service.add(providerId, armored);
        return Response.created(URI.create("/api/providers/" + providerId + "/keys/"
                        + added.getFirst().fingerprint()))
                .entity(added)
                .type(MediaType.APPLICATION_JSON)
                .build();
    }

    @DELETE
    @Operation(summary = "Remove one of a provider's OpenPGP keys")
    @APIResponse(responseCode = "204", description = "The key is removed.")
    @Path("/{fingerprint}")
    @RolesAllowed(Roles.MSSP_ADMIN)
    public Response remove(@PathParam("id") String providerId, @PathParam("fingerprint") String fingerprint) {
        service.remove(providerId, fingerprint);
        return Response.noContent().build();
    }
}
