package dev.herd.hub.provider;

import java.time.Instant;
import java.util.List;

/** A registered provider key as the API shows it; {@code expiresAt} is null for a key that never expires. */
public record ProviderKeyView(
        String providerId,
        String fingerprint,
        List<String> userIds,
        Instant createdAt,
        Instant expiresAt,
        Instant addedAt) {

    static ProviderKeyView of(RegisteredKey key) {
        return new ProviderKeyView(
                key.providerId, key.fingerprint, key.userIds, key.createdAt, key.expiresAt, key.addedAt);
    }
}
