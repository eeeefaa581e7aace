package dev.herd.hub.community;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookSigningException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

/**
 * Signs damage-report deliveries the Standard Webhooks way (HMAC-SHA256 over id, timestamp and body), so that a
 * provider can tell a delivery from Herd from one forged at its URL, and a replay from a fresh one.
 */
final class DamageReportSigner {

    static final String ID = Webhook.UNBRANDED_MSG_ID_KEY;
    static final String TIMESTAMP = Webhook.UNBRANDED_MSG_TIMESTAMP_KEY;
    static final String SIGNATURE = Webhook.UNBRANDED_MSG_SIGNATURE_KEY;

    private static final SecureRandom RANDOM = new SecureRandom();

    private DamageReportSigner() {}

    /** A new signing key, {@code whsec_} and 32 random bytes in base64, as Standard Webhooks libraries read it. */
    static String newSecret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return Webhook.SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** The three headers that sign {@code payload}: the id stays the same over retries, the timestamp does not. */
    static Map<String, String> headers(String secret, UUID reportId, String payload, Instant now) {
        long seconds = now.getEpochSecond();
        try {
            String signature = new Webhook(secret).sign(reportId.toString(), seconds, payload);
            return Map.of(ID, reportId.toString(), TIMESTAMP, Long.toString(seconds), SIGNATURE, signature);
        } catch (WebhookSigningException | com.standardwebhooks.exceptions.EmptyWebhookSecretException e) {
            throw new IllegalStateException("cannot sign damage report " + reportId, e);
        }
    }
}
