package dev.herd.hub.community;

import dev.herd.contracts.problem.HerdException;
import dev.herd.contracts.tenancy.Caller;
import dev.herd.contracts.tenancy.CurrentCaller;
import dev.herd.contracts.tenancy.Roles;
import dev.herd.hub.provider.Provider;
import dev.herd.hub.provider.ProviderRepository;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A provider's subscription to damage reports: the provider itself or an MSSP admin sets or removes the URL, and
 * sees the deliveries made to it.
 */
@Path("/api/providers/{id}/damage-report-subscription")
@Tag(name = "Damage report subscriptions")
public class DamageSubscriptionResource {

    private static final int SHOWN_DELIVERIES = 100;

    private final ProviderRepository providers;
    private final DamageReportForwarder forwarder;
    private final CurrentCaller caller;

    public DamageSubscriptionResource(
            ProviderRepository providers, DamageReportForwarder forwarder, CurrentCaller caller) {
        this.providers = providers;
        this.forwarder = forwarder;
        this.caller = caller;
    }

    /**
     * A subscription and the latest deliveries made under it. {@code signingSecret} is the key that signs the
     * deliveries (Standard Webhooks); it is shown only in the answer to the PUT that made it.
     */
    public record View(String providerId, String url, String signingSecret, List<Delivery> deliveries) {}

    /** One delivery as shown. */
    public record Delivery(
            UUID reportId,
            String state,
            int attempts,
            Integer lastStatus,
            String lastError,
            Instant nextAttemptAt,
            Instant deliveredAt,
            List<DamageReportForwarder.AttemptView> attemptLog) {}

    @GET
    @Operation(summary = "Show a provider's damage report subscription and its deliveries")
    @RolesAllowed({Roles.MSSP_ADMIN, Roles.MSSP_ANALYST, Roles.PROVIDER})
    public View get(@PathParam("id") String providerId) {
        return view(provider(providerId), null);
    }

    @PUT
    @Operation(summary = "Set the URL damage reports are sent to")
    @Transactional
    @RolesAllowed({Roles.MSSP_ADMIN, Roles.PROVIDER})
    public View subscribe(@PathParam("id") String providerId, @Valid @NotNull DamageSubscription subscription) {
        Provider provider = provider(providerId);
        provider.damageReportUrl = checked(subscription.url());
        provider.damageReportSecret = DamageReportSigner.newSecret();
        return view(provider, provider.damageReportSecret);
    }

    @DELETE
    @Operation(summary = "Stop sending damage reports to a provider")
    @APIResponse(responseCode = "204", description = "Damage reports are no longer sent to the provider.")
    @Transactional
    @RolesAllowed({Roles.MSSP_ADMIN, Roles.PROVIDER})
    public Response unsubscribe(@PathParam("id") String providerId) {
        // The key stays: deliveries queued before this are still retried, and still signed.
        provider(providerId).damageReportUrl = null;
        return Response.noContent().build();
    }

    /** The provider, when the caller is MSSP staff or that provider's own client. */
    private Provider provider(String providerId) {
        Caller who = caller.get();
        if (!who.isMsspStaff() && !who.providerId().map(providerId::equals).orElse(false)) {
            throw HerdException.forbidden(
                    "provider-access-denied", "You may only manage the subscription of your own provider.");
        }
        return providers
                .findByIdOptional(providerId)
                .orElseThrow(() -> HerdException.notFound("provider-not-found", "No provider '" + providerId + "'."));
    }

    private View view(Provider provider, String shownSecret) {
        List<DamageDelivery> shown = forwarder.of(provider.id, SHOWN_DELIVERIES);
        var attempts = forwarder.attempts(shown.stream().map(d -> d.id).toList());
        return new View(
                provider.id,
                provider.damageReportUrl,
                shownSecret,
                shown.stream()
                        .map(d -> new Delivery(
                                d.reportId,
                                d.state.name(),
                                d.attempts,
                                d.lastStatus,
                                d.lastError,
                                d.nextAttemptAt,
                                d.deliveredAt,
                                attempts.getOrDefault(d.id, List.of())))
                        .toList());
    }

    private static String checked(String url) {
        try {
            URI uri = URI.create(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return uri.toString();
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw HerdException.badRequest("invalid-url", "The subscription URL must be an absolute http(s) URL.");
    }
}
