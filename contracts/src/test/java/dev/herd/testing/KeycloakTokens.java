package dev.herd.testing;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access tokens from the real Keycloak server that {@code ./herd test} starts with the {@code herd} realm.
 *
 * <p>Users log in with the password grant of the public {@code herd-cli} client; gateways and providers with the
 * client-credentials grant. Tokens are reused for a minute.
 */
public final class KeycloakTokens {

    /** Password of every demo user in {@code config/keycloak/herd-realm.json}. */
    public static final String DEMO_PASSWORD = "demo";

    private static final Duration REUSE = Duration.ofMinutes(1);
    private static final Map<String, Token> CACHE = new ConcurrentHashMap<>();

    private record Token(String value, Instant fetched) {}

    private KeycloakTokens() {}

    /** The realm URL the services under test trust, e.g. {@code http://127.0.0.1:18180/realms/herd}. */
    public static String realmUrl() {
        String url = System.getenv("HERD_TEST_OIDC_URL");
        if (url == null || url.isBlank()) {
            throw new IllegalStateException(
                    "HERD_TEST_OIDC_URL is not set: run the tests with ./herd test, which starts Keycloak");
        }
        return url;
    }

    public static String user(String username) {
        return cached(
                "user:" + username,
                () -> fetch(Map.of(
                        "grant_type",
                        "password",
                        "client_id",
                        "herd-cli",
                        "username",
                        username,
                        "password",
                        DEMO_PASSWORD)));
    }

    public static String client(String clientId, String secret) {
        return cached(
                "client:" + clientId,
                () -> fetch(Map.of(
                        "grant_type", "client_credentials",
                        "client_id", clientId,
                        "client_secret", secret)));
    }

    private static String cached(String key, java.util.function.Supplier<String> fetch) {
        Token token = CACHE.compute(
                key,
                (k, old) -> old != null && old.fetched().plus(REUSE).isAfter(Instant.now())
                        ? old
                        : new Token(fetch.get(), Instant.now()));
        return token.value();
    }

    private static String fetch(Map<String, String> form) {
        return given().formParams(form)
                .post(realmUrl() + "/protocol/openid-connect/token")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
    }
}
