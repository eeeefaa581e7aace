package dev.herd.hub.verification;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.openpgp.PGPMarker;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;

/** Reads the OpenPGP public keys an admin registers for a provider, ASCII-armored or binary. */
public final class ProviderKeyParser {

    /** Every certificate in the input, in order; a key ring exported with several keys gives several. */
    public List<ProviderKey> parse(String armored) {
        if (armored == null || armored.isBlank()) {
            throw InvalidProviderKeyException.empty();
        }
        return parse(armored.strip().getBytes(UTF_8));
    }

    public List<ProviderKey> parse(byte[] encoded) {
        if (encoded == null || encoded.length == 0) {
            throw InvalidProviderKeyException.empty();
        }
        List<ProviderKey> keys = new ArrayList<>();
        for (PGPPublicKeyRing ring : readRings(encoded)) {
            ProviderKey key = ProviderKey.of(ring);
            if (!key.primary().bound()) {
                throw InvalidProviderKeyException.malformed(
                        "key " + key.fingerprint() + " has no valid self-signature.");
            }
            keys.add(key);
        }
        return keys;
    }

    private static List<PGPPublicKeyRing> readRings(byte[] encoded) {
        List<PGPPublicKeyRing> rings = new ArrayList<>();
        for (Object object : readObjects(encoded)) {
            switch (object) {
                case PGPPublicKeyRing ring -> rings.add(ring);
                case PGPSecretKeyRing ignored -> throw InvalidProviderKeyException.secret();
                case PGPSecretKey ignored -> throw InvalidProviderKeyException.secret();
                case PGPMarker ignored -> {}
                default ->
                    throw InvalidProviderKeyException.malformed(
                            "found " + object.getClass().getSimpleName() + " where a public key was expected.");
            }
        }
        if (rings.isEmpty()) {
            throw InvalidProviderKeyException.malformed("it contains no OpenPGP public key.");
        }
        return rings;
    }

    private static List<Object> readObjects(byte[] encoded) {
        List<Object> objects = new ArrayList<>();
        try (InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(encoded))) {
            BcPGPObjectFactory factory = new BcPGPObjectFactory(in);
            for (Object object = factory.nextObject(); object != null; object = factory.nextObject()) {
                objects.add(object);
            }
        } catch (IOException | RuntimeException e) {
            // Bouncy Castle reports malformed packets with assorted runtime exceptions, not only IOException.
            throw InvalidProviderKeyException.malformed("it is not OpenPGP data.");
        }
        return objects;
    }
}
