package dev.herd.hub.verification;

import dev.herd.contracts.problem.HerdException;

/** A key an admin tried to register for a provider that Herd cannot use to check signatures. */
public class InvalidProviderKeyException extends HerdException {

    public static final String EMPTY = "key-empty";
    public static final String MALFORMED = "key-malformed";
    public static final String SECRET = "key-is-secret";

    InvalidProviderKeyException(String code, String message) {
        super(400, code, message);
    }

    static InvalidProviderKeyException empty() {
        return new InvalidProviderKeyException(EMPTY, "No key was given.");
    }

    static InvalidProviderKeyException malformed(String why) {
        return new InvalidProviderKeyException(MALFORMED, "Not a usable public key: " + why);
    }

    static InvalidProviderKeyException secret() {
        return new InvalidProviderKeyException(
                SECRET,
                "This is a secret (private) key. Register only the provider's public key,"
                        + " and treat the secret key as disclosed.");
    }
}
