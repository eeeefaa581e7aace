package dev.herd.hub.ingest;

import static dev.herd.hub.HubFixtures.pushAsOsvProvider;
import static dev.herd.hub.HubFixtures.pushFor;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herd.hub.HubFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The push API's budget per caller: past it a 429 problem with {@code Retry-After}, and the batch is not read. */
@QuarkusTest
@TestProfile(PushRateLimitTest.OnePushAnHour.class)
class PushRateLimitTest {

    /** One push per caller an hour. */
    public static class OnePushAnHour implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("herd.rate-limit.advisory-push.requests", "1", "herd.rate-limit.advisory-push.per", "PT1H");
        }
    }

    @Inject
    HubFixtures fixtures;

    @Test
    void aProviderPastItsBudgetGets429AndAnotherCallerStillPushes() {
        fixtures.resetWithProviders();
        pushAsOsvProvider(IngestResourceTest.GO_2020_0001)
                .then()
                .statusCode(200)
                .body("accepted", equalTo(1));
        Response refused = pushAsOsvProvider(IngestResourceTest.GO_2020_0001.replace("2024-05-20", "2024-06-20"));
        refused.then().statusCode(429).contentType("application/problem+json").body("code", equalTo("rate-limited"));
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertTrue(retryAfter > 3500 && retryAfter <= 3600, "Retry-After " + retryAfter);
        assertEquals(1, fixtures.count("provenance"));
        // The MSSP admin pushing for the same provider is another caller, with a budget of its own.
        pushFor("osv-demo", IngestResourceTest.GO_2020_0001.replace("2024-05-20", "2024-06-20"))
                .then()
                .statusCode(200);
    }
}
