package dev.herd.portal.warning;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The window rule on its own: same indicator and service at two tenants within five minutes, and only then. */
class SimilarDamageTest {

    private static final Duration WINDOW = Duration.ofMinutes(5);
    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    @Test
    void twoTenantsWithinTheWindowAreOneAnomaly() {
        List<Anomaly> found = SimilarDamage.among(
                List.of(hit("a", "sig", 443, 0), hit("a", "sig", 443, 30), hit("b", "sig", 443, 299)), WINDOW);
        assertEquals(1, found.size());
        assertEquals(Set.of("a", "b"), found.getFirst().tenants());
        assertEquals("tcp/443", found.getFirst().service());
    }

    @Test
    void oneTenantAloneOrTenMinutesApartOrAnotherServiceIsNone() {
        assertEquals(
                0,
                SimilarDamage.among(List.of(hit("a", "sig", 443, 0), hit("a", "sig", 443, 1)), WINDOW)
                        .size());
        assertEquals(
                0,
                SimilarDamage.among(List.of(hit("a", "sig", 443, 0), hit("b", "sig", 443, 600)), WINDOW)
                        .size());
        assertEquals(
                0,
                SimilarDamage.among(List.of(hit("a", "sig", 443, 0), hit("b", "other", 443, 1)), WINDOW)
                        .size());
        assertEquals(
                0,
                SimilarDamage.among(List.of(hit("a", "sig", 443, 0), hit("b", "sig", 8443, 1)), WINDOW)
                        .size());
    }

    private static DamageHit hit(String tenant, String indicator, int port, long seconds) {
        return new DamageHit(tenant, UUID.randomUUID(), indicator, "tcp", port, T0.plusSeconds(seconds));
    }
}
