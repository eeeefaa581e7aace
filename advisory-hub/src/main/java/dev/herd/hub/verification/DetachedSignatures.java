package dev.herd.hub.verification;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.openpgp.PGPCompressedData;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPMarker;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;

/** Reads the signature packets of a detached OpenPGP signature file ({@code .asc} armored, or binary). */
final class DetachedSignatures {

    private DetachedSignatures() {}

    /** The signatures in the file; throws {@link MalformedSignatureException} for anything else. */
    static List<PGPSignature> read(byte[] encoded) {
        if (encoded == null || encoded.length == 0) {
            throw new MalformedSignatureException("The signature is empty.");
        }
        List<PGPSignature> signatures = new ArrayList<>();
        for (Object object : readObjects(encoded)) {
            switch (object) {
                case PGPSignatureList list -> list.forEach(signatures::add);
                case PGPMarker ignored -> {}
                default ->
                    throw new MalformedSignatureException("The signature file holds a "
                            + object.getClass().getSimpleName() + ", not a detached signature.");
            }
        }
        if (signatures.isEmpty()) {
            throw new MalformedSignatureException("The signature file contains no OpenPGP signature.");
        }
        return signatures;
    }

    private static List<Object> readObjects(byte[] encoded) {
        List<Object> objects = new ArrayList<>();
        try (InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(encoded))) {
            readObjects(in, objects);
        } catch (IOException | PGPException | RuntimeException e) {
            // Bouncy Castle reports malformed packets with assorted runtime exceptions, not only IOException.
            throw new MalformedSignatureException("The signature is not OpenPGP data.");
        }
        return objects;
    }

    private static void readObjects(InputStream in, List<Object> objects) throws IOException, PGPException {
        BcPGPObjectFactory factory = new BcPGPObjectFactory(in);
        for (Object object = factory.nextObject(); object != null; object = factory.nextObject()) {
            if (object instanceof PGPCompressedData compressed) {
                readObjects(compressed.getDataStream(), objects);
            } else {
                objects.add(object);
            }
        }
    }

    /** Why a signature file could not be read. */
    static final class MalformedSignatureException extends RuntimeException {
        MalformedSignatureException(String message) {
            super(message);
        }
    }
}
