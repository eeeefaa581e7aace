package dev.herd.hub.ingest;

import dev.herd.contracts.problem.HerdException;
import dev.herd.contracts.tenancy.Caller;
import dev.herd.contracts.tenancy.CurrentCaller;
import dev.herd.contracts.tenancy.Roles;
import dev.herd.hub.HubConfig;
import dev.herd.hub.advisory.Submission;
import dev.herd.hub.provider.Provider;
import dev.herd.hub.provider.ProviderRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Decides for which provider a push speaks. A provider client speaks for the provider of its token's
 * {@code provider_id} claim and nobody else; an MSSP admin may submit on a provider's behalf by naming it.
 */
@ApplicationScoped
public class Submitter {

    private final CurrentCaller caller;
    private final ProviderRepository providers;
    private final HubConfig config;

    public Submitter(CurrentCaller caller, ProviderRepository providers, HubConfig config) {
        this.caller = caller;
        this.providers = providers;
        this.config = config;
    }

    public Submission resolve(String requestedProvider) {
        Caller who = caller.get();
        String providerId;
        if (who.roles().contains(Roles.PROVIDER)) {
            providerId = who.providerId()
                    .orElseThrow(() -> HerdException.forbidden(
                            "provider-claim-missing", "Your token carries no " + Roles.PROVIDER_CLAIM + " claim."));
            if (requestedProvider != null && !requestedProvider.equals(providerId)) {
                throw HerdException.forbidden(
                        "provider-mismatch",
                        "You push as provider '" + providerId + "' and cannot submit for '" + requestedProvider + "'.");
            }
        } else if (requestedProvider == null || requestedProvider.isBlank()) {
            throw HerdException.badRequest(
                    "provider-required", "Name the provider you submit for: ?provider=ID (MSSP admins only).");
        } else {
            providerId = requestedProvider;
        }
        Provider provider = providers
                .findByIdOptional(providerId)
                .orElseThrow(() -> HerdException.forbidden(
                        "provider-unknown",
                        "Provider '" + providerId + "' is not registered; an MSSP admin registers it first"
                                + " (./herd providers add " + providerId + " --tier N)."));
        return new Submission(
                provider.id,
                provider.trustTier,
                provider.trustTier >= config.autoActionTier(),
                null,
                who.subject(),
                // PostgreSQL keeps microseconds: a finer instant would outrank the same push's rows read back.
                Instant.now().truncatedTo(ChronoUnit.MICROS));
    }
}
