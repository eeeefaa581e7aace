package dev.herd.hub.verification;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The digests CSAF 2.0 (7.1.18) publishes next to a document, in {@code .sha256} and {@code .sha512} files. */
public enum HashAlgorithm {
    SHA256("SHA-256", ".sha256"),
    SHA512("SHA-512", ".sha512");

    private final String jcaName;
    private final String extension;

    HashAlgorithm(String jcaName, String extension) {
        this.jcaName = jcaName;
        this.extension = extension;
    }

    /** The algorithm a hash file's name announces, such as {@code rhsa-2022_0011.json.sha256}. */
    public static Optional<HashAlgorithm> fromFileName(String hashFileName) {
        String name = hashFileName == null ? "" : hashFileName.toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(algorithm -> name.endsWith(algorithm.extension))
                .findFirst();
    }

    public String jcaName() {
        return jcaName;
    }

    public String extension() {
        return extension;
    }

    /** Length of the digest written in hex. */
    public int hexLength() {
        return digest().getDigestLength() * 2;
    }

    byte[] digest(byte[] bytes) {
        return digest().digest(bytes);
    }

    private MessageDigest digest() {
        try {
            return MessageDigest.getInstance(jcaName);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has " + jcaName, e);
        }
    }
}
