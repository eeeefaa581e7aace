package dev.herd.hub.verification;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentVerifierBuilderProvider;

/**
 * Reads what a certificate says about its own keys, trusting only signatures that verify: anyone can append packets
 * to a public key (key servers did), so an unverified binding, expiry or revocation means nothing.
 */
final class SelfSignatures {

    private static final Set<Integer> USER_ID_CERTIFICATIONS = Set.of(
            PGPSignature.DEFAULT_CERTIFICATION,
            PGPSignature.NO_CERTIFICATION,
            PGPSignature.CASUAL_CERTIFICATION,
            PGPSignature.POSITIVE_CERTIFICATION);

    private final BcPGPContentVerifierBuilderProvider verifiers = new BcPGPContentVerifierBuilderProvider();

    /** User ids of the primary key that carry a valid self-certification. */
    List<String> certifiedUserIds(PGPPublicKey primary) {
        List<String> userIds = new ArrayList<>();
        for (Iterator<byte[]> ids = primary.getRawUserIDs(); ids.hasNext(); ) {
            byte[] id = ids.next();
            if (!userIdCertifications(primary, id).isEmpty()) {
                userIds.add(new String(id, UTF_8));
            }
        }
        return userIds;
    }

    ComponentKey primary(PGPPublicKey primary) {
        List<PGPSignature> selfSignatures = new ArrayList<>();
        for (Iterator<byte[]> ids = primary.getRawUserIDs(); ids.hasNext(); ) {
            selfSignatures.addAll(userIdCertifications(primary, ids.next()));
        }
        selfSignatures.addAll(verified(primary, PGPSignature.DIRECT_KEY, sig -> sig.verifyCertification(primary)));
        boolean revoked = !verified(primary, PGPSignature.KEY_REVOCATION, sig -> sig.verifyCertification(primary))
                .isEmpty();
        return component(primary, selfSignatures, revoked);
    }

    ComponentKey subkey(PGPPublicKey primary, PGPPublicKey subkey) {
        // A signing subkey should also carry a back-signature (primary key binding). Not checked: it stops a
        // certificate from claiming somebody else's subkey, while here the admin chose the certificate.
        List<PGPSignature> bindings = verifiedBy(
                primary, subkey, PGPSignature.SUBKEY_BINDING, sig -> sig.verifyCertification(primary, subkey));
        boolean revoked = !verifiedBy(
                        primary,
                        subkey,
                        PGPSignature.SUBKEY_REVOCATION,
                        sig -> sig.verifyCertification(primary, subkey))
                .isEmpty();
        return component(subkey, bindings, revoked);
    }

    private static ComponentKey component(PGPPublicKey key, List<PGPSignature> selfSignatures, boolean revoked) {
        Optional<PGPSignature> latest =
                selfSignatures.stream().max(Comparator.comparing(PGPSignature::getCreationTime));
        long validSeconds = latest.map(sig -> sig.getHashedSubPackets().getKeyExpirationTime())
                .orElse(0L);
        Optional<Instant> expiresAt = validSeconds == 0
                ? Optional.empty()
                : Optional.of(key.getCreationTime().toInstant().plusSeconds(validSeconds));
        int flags = latest.map(sig -> sig.getHashedSubPackets().getKeyFlags()).orElse(0);
        boolean maySign = flags == 0 || (flags & KeyFlags.SIGN_DATA) != 0;
        return new ComponentKey(key, latest.isPresent(), maySign, expiresAt, revoked);
    }

    private List<PGPSignature> userIdCertifications(PGPPublicKey primary, byte[] userId) {
        List<PGPSignature> certifications = new ArrayList<>();
        Iterator<PGPSignature> signatures = primary.getSignaturesForID(userId);
        while (signatures != null && signatures.hasNext()) {
            PGPSignature sig = signatures.next();
            if (USER_ID_CERTIFICATIONS.contains(sig.getSignatureType())
                    && verifies(sig, primary, s -> s.verifyCertification(userId, primary))) {
                certifications.add(sig);
            }
        }
        return certifications;
    }

    private List<PGPSignature> verified(PGPPublicKey primary, int type, Check check) {
        return verifiedBy(primary, primary, type, check);
    }

    private List<PGPSignature> verifiedBy(PGPPublicKey signer, PGPPublicKey target, int type, Check check) {
        List<PGPSignature> result = new ArrayList<>();
        for (Iterator<PGPSignature> it = target.getSignaturesOfType(type); it.hasNext(); ) {
            PGPSignature sig = it.next();
            if (verifies(sig, signer, check)) {
                result.add(sig);
            }
        }
        return result;
    }

    private boolean verifies(PGPSignature sig, PGPPublicKey signer, Check check) {
        try {
            sig.init(verifiers, signer);
            return check.test(sig);
        } catch (PGPException | RuntimeException e) {
            // A signature by another key, or one Bouncy Castle cannot even parse, binds nothing.
            return false;
        }
    }

    @FunctionalInterface
    private interface Check {
        boolean test(PGPSignature signature) throws PGPException;
    }
}
