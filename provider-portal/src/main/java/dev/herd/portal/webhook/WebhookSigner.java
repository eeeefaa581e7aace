package dev.herd.portal.webhook;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.EmptyWebhookSecretException;
import com.standardwebhooks.exceptions.WebhookSigningException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

/** Signs webhook deliveries the Standard Webhooks way: HMAC-SHA256 of {@code id.timestamp.body}, as {@code v1,…}. */
final class WebhookSigner {

    static final String ID = Webhook.UNBRANDED_MSG_ID_KEY;
    static final String TIMESTAMP = Webhook.UNBRANDED_MSG_TIMESTAMP_KEY;
    static final String SIGNATURE = Webhook.UNBRANDED_MSG_SIGNATURE_KEY;

    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSigner() {}

    /** A new signing key: {@code whsec_} and 32 random bytes in base64, as every Standard Webhooks library reads it. */
    static String newSecret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return Webhook.SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** The three headers that sign {@code body}; the id stays the same over retries, the timestamp is the attempt's. */
    static Map<String, String> headers(String secret, UUID id, String body, Instant now) {
        long seconds = now.getEpochSecond();
        String messageId = "msg_" + id;
        try {
            String signature = new Webhook(secret).sign(messageId, seconds, body);
            return Map.of(ID, messageId, TIMESTAMP, Long.toString(seconds), SIGNATURE, signature);
        } catch (WebhookSigningException | EmptyWebhookSecretException e) {
            throw new IllegalStateException("cannot sign webhook delivery " + id, e);
        }
    }
}
