package dev.herd.hub.provider;

import java.time.Instant;

/** A provider as the API shows it. */
public record ProviderView(String id, String displayName, int trustTier, Instant createdAt) {

    static ProviderView of(Provider provider) {
        return new ProviderView(provider.id, provider.displayName, provider.trustTier, provider.createdAt);
    }
}
