package dev.herd.hub;

import static io.restassured.RestAssured.given;

import dev.herd.hub.provider.Provider;
import dev.herd.hub.provider.ProviderRepository;
import dev.herd.hub.taxii.TaxiiCatalogue;
import dev.herd.testing.KeycloakTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;

/** Test data for the hub: a clean database with known providers, and pushes as a provider or an admin. */
@ApplicationScoped
public class HubFixtures {

    /** Tier 3 (acted on automatically); its Keycloak client is provider-osv-demo. */
    public static final String OSV_PROVIDER = "osv-demo";
    /** Tier 4; its Keycloak client is provider-csaf-demo. */
    public static final String CSAF_PROVIDER = "csaf-demo";
    /** Tier 1: stored, never acted on by itself. */
    public static final String RUMOUR_PROVIDER = "rumours";
    /** The built-in provider of damage reports, tier 4 as migration V4 creates it. */
    public static final String COMMUNITY_PROVIDER = "herd-community";

    private final EntityManager em;
    private final ProviderRepository providers;
    private final TaxiiCatalogue taxii;

    public HubFixtures(EntityManager em, ProviderRepository providers, TaxiiCatalogue taxii) {
        this.em = em;
        this.providers = providers;
        this.taxii = taxii;
    }

    public void resetWithProviders() {
        removeAllProviders();
        QuarkusTransaction.requiringNew().run(() -> {
            providers.persist(provider(OSV_PROVIDER, 3));
            providers.persist(provider(CSAF_PROVIDER, 4));
            providers.persist(provider(RUMOUR_PROVIDER, 1));
            providers.persist(provider(COMMUNITY_PROVIDER, 4));
        });
    }

    /** No provider at all (and so no advisory, provenance or rejection either), and a TAXII collection of only Herd's
     * identity and marking. */
    public void removeAllProviders() {
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery(
                                "TRUNCATE advisory, advisory_alias, advisory_package, provenance, rejection, outbox_message, "
                                        + "consumed_message, dead_letter, community_advisory, community_report, epss_score, "
                                        + "damage_delivery, taxii_object, provider CASCADE")
                        .executeUpdate());
        taxii.catchUp();
    }

    /**
     * Leaves the advisory tables with the statistics autovacuum gave them in CI when it analysed them while a pull's
     * transaction was filling them: pages but no live rows, which tells the planner they stay empty however they grow
     * (the test database's user is its superuser, so it may set them).
     */
    public void analyseAdvisoryTablesEmpty() {
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("UPDATE pg_class SET reltuples = 0, relpages = 50 "
                                + "WHERE relnamespace = CAST(current_schema() AS regnamespace) "
                                + "AND relname IN ('advisory', 'advisory_alias', 'advisory_package', 'provenance')")
                        .executeUpdate());
    }

    public long count(String table) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery("SELECT count(*) FROM " + table)
                                .getSingleResult())
                        .longValue());
    }

    /** Push as the osv-demo provider's own client. */
    public static Response pushAsOsvProvider(String body) {
        return given().auth()
                .oauth2(KeycloakTokens.client("provider-osv-demo", "provider-osv-demo-secret"))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/advisories");
    }

    /** Push as the MSSP admin on behalf of {@code provider}. */
    public static Response pushFor(String provider, String body) {
        return given().auth()
                .oauth2(KeycloakTokens.user("herd-admin"))
                .contentType(ContentType.JSON)
                .queryParam("provider", provider)
                .body(body)
                .post("/api/advisories");
    }

    private static Provider provider(String id, int tier) {
        Provider provider = new Provider();
        provider.id = id;
        provider.displayName = id;
        provider.trustTier = (short) tier;
        provider.createdAt = Instant.now();
        return provider;
    }
}
