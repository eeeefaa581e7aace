package dev.herd.hub.verification;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;

/**
 * An OpenPGP public key (certificate) registered for a provider, with its subkeys. Immutable: everything is
 * evaluated once, when it is read.
 */
public final class ProviderKey {

    private final ComponentKey primary;
    private final List<ComponentKey> components;
    private final List<String> userIds;

    private ProviderKey(ComponentKey primary, List<ComponentKey> components, List<String> userIds) {
        this.primary = primary;
        this.components = List.copyOf(components);
        this.userIds = List.copyOf(userIds);
    }

    static ProviderKey of(PGPPublicKeyRing ring) {
        SelfSignatures selfSignatures = new SelfSignatures();
        PGPPublicKey primaryKey = ring.getPublicKey();
        ComponentKey primary = selfSignatures.primary(primaryKey);
        List<ComponentKey> components = new ArrayList<>(List.of(primary));
        for (Iterator<PGPPublicKey> keys = ring.getPublicKeys(); keys.hasNext(); ) {
            PGPPublicKey key = keys.next();
            if (!key.isMasterKey()) {
                components.add(selfSignatures.subkey(primaryKey, key));
            }
        }
        return new ProviderKey(primary, components, selfSignatures.certifiedUserIds(primaryKey));
    }

    /** Fingerprint of the primary key, upper-case hex without spaces. */
    public String fingerprint() {
        return primary.fingerprint();
    }

    /** Key id of the primary key: the last 16 hex digits of a v4 fingerprint. */
    public String keyId() {
        return primary.keyId();
    }

    /** User ids with a valid self-certification, such as {@code Red Hat Product Security <secalert@redhat.com>}. */
    public List<String> userIds() {
        return userIds;
    }

    public Instant createdAt() {
        return primary.createdAt();
    }

    /** When the primary key expires, empty if never. */
    public Optional<Instant> expiresAt() {
        return primary.expiresAt();
    }

    public boolean expiredAt(Instant instant) {
        return primary.expiredAt(instant);
    }

    /** Whether the key carries a valid revocation signature, whatever its reason. */
    public boolean revoked() {
        return primary.revoked();
    }

    ComponentKey primary() {
        return primary;
    }

    List<ComponentKey> components() {
        return components;
    }

    @Override
    public String toString() {
        return "ProviderKey[" + fingerprint() + " " + userIds + "]";
    }
}
