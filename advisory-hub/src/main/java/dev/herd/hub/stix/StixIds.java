package dev.herd.hub.stix;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * STIX identifiers Herd makes: name-based UUIDv5s (STIX 2.1 §2.9 allows them for deterministic ids) under Herd's own
 * namespace, so the same community advisory always has the same indicator id, plus the well-known TLP markings.
 */
public final class StixIds {

    /** Herd's namespace for its v5 ids (a fixed random UUID). */
    private static final UUID NAMESPACE = UUID.fromString("6f1b2b8e-3f0a-4c55-9a43-2f0d5c3f6b71");

    /** STIX 2.1 §7.2.1.4: the predefined TLP:GREEN marking definition. */
    public static final String TLP_GREEN = "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da";

    /** The identity object that stands for Herd as {@code created_by_ref}. */
    public static final String HERD_IDENTITY = "identity--" + v5("herd");

    private static final Pattern IDENTIFIER = Pattern.compile(
            "^[a-z][a-z0-9-]+[a-z0-9]--[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-5][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}"
                    + "-[0-9a-fA-F]{12}$");

    private StixIds() {}

    /** The indicator id of a community advisory. */
    public static String indicator(String advisoryId) {
        return "indicator--" + v5("community-advisory:" + advisoryId);
    }

    /** Whether {@code id} is a STIX identifier ({@code type--uuid}) of the given type. */
    public static boolean valid(String id, String type) {
        return id != null
                && id.startsWith(type + "--")
                && IDENTIFIER.matcher(id).matches();
    }

    /** A name-based UUID of version 5 (SHA-1) in Herd's namespace (RFC 9562 §5.5). */
    public static UUID v5(String name) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            ByteBuffer namespace = ByteBuffer.allocate(16)
                    .putLong(NAMESPACE.getMostSignificantBits())
                    .putLong(NAMESPACE.getLeastSignificantBits());
            sha1.update(namespace.array());
            byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
            hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
            hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
            ByteBuffer bits = ByteBuffer.wrap(hash, 0, 16);
            return new UUID(bits.getLong(), bits.getLong());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
