package dev.herd.hub.source;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.herd.hub.ingest.Issue;
import dev.herd.hub.verification.HashFileVerifier;
import dev.herd.hub.verification.HashVerification;
import dev.herd.hub.verification.OpenPgpSignatureVerifier;
import dev.herd.hub.verification.ProviderKey;
import dev.herd.hub.verification.SignatureVerification;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Checks a pulled CSAF document against its hash files and detached OpenPGP signature (CSAF 2.0 7.1.18-7.1.20). A
 * hash file that is there must match. With keys registered for the provider a valid signature is required; without,
 * the signature is not checked and the document says so in a warning.
 */
@ApplicationScoped
public class CsafIntegrity {

    static final String SIGNATURE_MISSING = "signature-missing";
    static final String SIGNATURE_NOT_CHECKED = "signature-not-checked";
    static final String HASH_FILE_MISSING = "hash-file-missing";

    private final SourceFetcher fetcher;
    private final HashFileVerifier hashes = new HashFileVerifier();
    private final OpenPgpSignatureVerifier signatures = new OpenPgpSignatureVerifier();

    public CsafIntegrity(SourceFetcher fetcher) {
        this.fetcher = fetcher;
    }

    void check(
            SourceItem.CsafLinks links,
            byte[] document,
            String providerId,
            List<ProviderKey> keys,
            List<Issue> errors,
            List<Issue> warnings)
            throws IOException {
        String name = fileName(links.document());
        if (links.hashes().isEmpty()) {
            for (String extension : List.of(".sha256", ".sha512")) {
                URI beside = URI.create(links.document() + extension);
                Optional<byte[]> hashFile = fetcher.fetchIfPresent(beside);
                if (hashFile.isPresent()) {
                    checkHash(document, name, beside, hashFile.get(), errors);
                }
            }
        } else {
            for (URI linked : links.hashes()) {
                Optional<byte[]> hashFile = fetcher.fetchIfPresent(linked);
                if (hashFile.isEmpty()) {
                    errors.add(new Issue(
                            HASH_FILE_MISSING, "The feed names hash file " + linked + ", which is not there."));
                } else {
                    checkHash(document, name, linked, hashFile.get(), errors);
                }
            }
        }
        if (keys.isEmpty()) {
            warnings.add(new Issue(
                    SIGNATURE_NOT_CHECKED,
                    "Provider '" + providerId + "' has no registered OpenPGP key, so the document's signature was not"
                            + " checked."));
            return;
        }
        URI signatureUri = links.signature() != null ? links.signature() : URI.create(links.document() + ".asc");
        Optional<byte[]> signature = fetcher.fetchIfPresent(signatureUri);
        if (signature.isEmpty()) {
            errors.add(new Issue(
                    SIGNATURE_MISSING,
                    "Provider '" + providerId + "' has registered keys, so its documents must be signed; there is no"
                            + " signature " + signatureUri + "."));
            return;
        }
        SignatureVerification verification = signatures.verify(document, signature.get(), keys);
        if (!verification.valid()) {
            errors.add(new Issue(verification.code(), verification.message()));
        }
    }

    private void checkHash(byte[] document, String name, URI hashUri, byte[] hashFile, List<Issue> errors) {
        HashVerification verification =
                hashes.verifyByExtension(document, name, fileName(hashUri), new String(hashFile, UTF_8));
        if (!verification.matches()) {
            errors.add(new Issue(verification.code(), verification.message()));
        }
    }

    private static String fileName(URI uri) {
        String path = uri.getPath() == null ? uri.toString() : uri.getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
