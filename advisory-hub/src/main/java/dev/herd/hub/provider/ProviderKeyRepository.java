package dev.herd.hub.provider;

import dev.herd.hub.verification.ProviderKey;
import dev.herd.hub.verification.ProviderKeyParser;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Persistence of the OpenPGP keys registered for providers. */
@ApplicationScoped
public class ProviderKeyRepository implements PanacheRepositoryBase<RegisteredKey, RegisteredKey.Key> {

    private final ProviderKeyParser parser = new ProviderKeyParser();

    public List<RegisteredKey> of(String providerId) {
        return list("providerId", Sort.by("addedAt").and("fingerprint"), providerId);
    }

    /** The provider's keys, ready to check signatures with; empty if it has none. */
    public List<ProviderKey> keysFor(String providerId) {
        return of(providerId).stream()
                .flatMap(row -> parser.parse(row.armored).stream()
                        .filter(key -> key.fingerprint().equals(row.fingerprint)))
                .toList();
    }
}
