package dev.herd.hub.provider;

import dev.herd.contracts.problem.HerdException;
import dev.herd.hub.verification.ProviderKey;
import dev.herd.hub.verification.ProviderKeyParser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Registers and removes the OpenPGP keys a provider's documents must be signed with. */
@ApplicationScoped
public class ProviderKeyService {

    private final ProviderRepository providers;
    private final ProviderKeyRepository keys;
    private final ProviderKeyParser parser = new ProviderKeyParser();

    public ProviderKeyService(ProviderRepository providers, ProviderKeyRepository keys) {
        this.providers = providers;
        this.keys = keys;
    }

    public List<ProviderKeyView> list(String providerId) {
        requireProvider(providerId);
        return keys.of(providerId).stream().map(ProviderKeyView::of).toList();
    }

    public ProviderKeyView get(String providerId, String fingerprint) {
        requireProvider(providerId);
        return keys.findByIdOptional(new RegisteredKey.Key(providerId, normalize(fingerprint)))
                .map(ProviderKeyView::of)
                .orElseThrow(() -> notFound(providerId, normalize(fingerprint)));
    }

    /** Registers every certificate in {@code armored}; all or none. */
    @Transactional
    public List<ProviderKeyView> add(String providerId, String armored) {
        requireProvider(providerId);
        List<ProviderKey> parsed = parser.parse(armored);
        List<ProviderKeyView> added = new ArrayList<>();
        Instant now = Instant.now();
        for (ProviderKey key : parsed) {
            if (key.revoked()) {
                throw HerdException.badRequest(
                        "key-revoked",
                        "Key " + key.fingerprint() + " is revoked; no signature by it would be accepted.");
            }
            if (keys.findByIdOptional(new RegisteredKey.Key(providerId, key.fingerprint()))
                    .isPresent()) {
                throw HerdException.conflict(
                        "key-exists",
                        "Key " + key.fingerprint() + " is already registered for provider '" + providerId + "'.");
            }
            RegisteredKey row = new RegisteredKey();
            row.providerId = providerId;
            row.fingerprint = key.fingerprint();
            row.armored = armored.strip();
            row.userIds = List.copyOf(key.userIds());
            row.createdAt = key.createdAt();
            row.expiresAt = key.expiresAt().orElse(null);
            row.addedAt = now;
            keys.persist(row);
            added.add(ProviderKeyView.of(row));
        }
        return added;
    }

    @Transactional
    public void remove(String providerId, String fingerprint) {
        requireProvider(providerId);
        if (!keys.deleteById(new RegisteredKey.Key(providerId, normalize(fingerprint)))) {
            throw notFound(providerId, normalize(fingerprint));
        }
    }

    private static String normalize(String fingerprint) {
        return fingerprint.replace(" ", "").toUpperCase(Locale.ROOT);
    }

    private static HerdException notFound(String providerId, String fingerprint) {
        return HerdException.notFound("key-not-found", "Provider '" + providerId + "' has no key " + fingerprint + ".");
    }

    private void requireProvider(String providerId) {
        if (providers.findByIdOptional(providerId).isEmpty()) {
            throw HerdException.notFound("provider-not-found", "No provider '" + providerId + "'.");
        }
    }
}
