package dev.herd.gateway.delivery;

import static dev.herd.gateway.GatewayFixtures.acmeGateway;
import static dev.herd.gateway.GatewayFixtures.asAgent;
import static dev.herd.gateway.GatewayFixtures.globexGateway;
import static dev.herd.gateway.delivery.DeliveryFixtures.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herd.contracts.delivery.RuleBundle;
import dev.herd.contracts.delivery.RuleBundleRequest;
import dev.herd.gateway.GatewayFixtures;
import dev.herd.gateway.GatewayFixtures.EnrolledAgent;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Rule bundles as deltas (ADR 11): the gateway folds deltas onto the last full bundle, answers an agent that accepts
 * deltas with the delta from the revision it holds (226), anyone else with the full bundle, asks the portal for a
 * full bundle when a delta does not build on what it holds or the deltas grow long.
 */
@QuarkusTest
class RuleBundleDeltaDeliveryTest {

    private static final String T0 = "2026-11-21T08:00:00Z";
    /** Many distinct addresses: a full bundle far larger than a delta, also when the database compresses it. */
    private static final String ADDRESSES = java.util.stream.IntStream.range(0, 400)
            .mapToObj(i -> "10." + (i * 7 % 256) + "." + (i / 3) + "." + (1 + i % 250))
            .collect(java.util.stream.Collectors.joining(", ", "# protected: ", "\n"));

    private static final String FULL_1 =
            "table inet herd {}\ndelete table inet herd\n" + ADDRESSES + "table inet herd {\n}\n";
    private static final String D2 = "# Herd delta\nadd chain inet herd r3\n";
    private static final String D3 = "# Herd delta\nflush chain inet herd r1\ndelete chain inet herd r1\n";

    @Inject
    GatewayFixtures fixtures;

    @Inject
    DeliveryFixtures delivery;

    @Inject
    ObjectMapper json;

    private EnrolledAgent acme;
    private EnrolledAgent globex;

    @BeforeEach
    void enrolOnePerTenant() {
        fixtures.reset();
        acme = GatewayFixtures.enrol(acmeGateway(), "web-01");
        globex = GatewayFixtures.enrol(globexGateway(), "mail-01");
    }

    @Test
    void aNewAgentGetsTheLastFullBundleWithTheDeltasSinceFoldedIn() {
        fullThenTwoDeltas();
        asAgent(acme)
                .get("/agent/rule-bundle")
                .then()
                .statusCode(200)
                .header("ETag", "\"3\"")
                .header("IM", nullValue())
                .body("revision", equalTo(3))
                .body("baseRevision", nullValue())
                .body("nftables", equalTo(FULL_1 + D2 + D3))
                .body("rules.number", contains(2, 3))
                .body("rules[1].machines", contains("web-02"))
                .body("suricata", equalTo(suricata(2)));
    }

    @Test
    void anAgentThatAcceptsDeltasGetsTheDeltaFromTheRevisionItHolds() {
        fullThenTwoDeltas();
        asDeltaAgent(acme, "\"1\"")
                .get("/agent/rule-bundle")
                .then()
                .statusCode(226)
                .header("ETag", "\"3\"")
                .header("IM", "herd-delta")
                .header("Delta-Base", "\"1\"")
                .body("revision", equalTo(3))
                .body("baseRevision", equalTo(1))
                .body("rules", equalTo(List.of()))
                .body("nftables", equalTo(D2 + D3))
                .body("changes.put.number", contains(3))
                .body("changes.withdrawn", contains(1));
        asDeltaAgent(acme, "W/\"2\"")
                .get("/agent/rule-bundle")
                .then()
                .statusCode(226)
                .header("Delta-Base", "\"2\"")
                .body("nftables", equalTo(D3))
                .body("changes.put", equalTo(List.of()));
        asDeltaAgent(acme, "\"3\"")
                .get("/agent/rule-bundle")
                .then()
                .statusCode(304)
                .header("ETag", "\"3\"");
        // without A-IM the same agent state gets the full bundle, as agents from before deltas expect
        asAgent(acme)
                .header("If-None-Match", "\"1\"")
                .get("/agent/rule-bundle")
                .then()
                .statusCode(200)
                .body("baseRevision", nullValue())
                .body("nftables", equalTo(FULL_1 + D2 + D3));
    }

    @Test
    void anUnknownRevisionGetsTheFullBundle() {
        fullThenTwoDeltas();
        for (String held : List.of("\"99\"", "\"0\"")) {
            asDeltaAgent(acme, held)
                    .get("/agent/rule-bundle")
                    .then()
                    .statusCode(200)
                    .header("ETag", "\"3\"")
                    .body("baseRevision", nullValue())
                    .body("rules.number", contains(2, 3));
        }
    }

    @Test
    void anIfNoneMatchThatNamesNoRevisionIs400() {
        fullThenTwoDeltas();
        for (String bad : List.of("\"abc\"", "3", "\"1\", nonsense", "\"-1\"")) {
            asDeltaAgent(acme, bad)
                    .get("/agent/rule-bundle")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("code", equalTo("if-none-match-invalid"));
        }
    }

    @Test
    void anotherTenantsAgentNeverGetsTheBundleNorItsDeltas() {
        fullThenTwoDeltas();
        asDeltaAgent(globex, "\"1\"").get("/agent/rule-bundle").then().statusCode(204);
        asAgent(globex).get("/agent/rule-bundle").then().statusCode(204);
    }

    @Test
    void aLongPollHoldingTheBaseIsAnsweredWithTheDelta() throws Exception {
        publish(full(1, List.of(rule(1, null), rule(2, "CVE-2"))));
        awaitRevision(1);
        CompletableFuture<Response> poll =
                CompletableFuture.supplyAsync(() -> asDeltaAgent(acme, "\"1\"").get("/agent/rule-bundle?wait=30"));
        Thread.sleep(1_000);
        assertFalse(poll.isDone(), "nothing newer yet");
        publish(delta(2, 1, D2, List.of(rule(3, null)), List.of()));
        Response answer = poll.get();
        assertEquals(226, answer.statusCode());
        assertEquals("\"2\"", answer.header("ETag"));
        assertEquals(D2, answer.path("nftables"));
    }

    @Test
    void aDeltaThatDoesNotBuildOnWhatIsHeldIsSetAsideAndAFullBundleAskedForOnce() throws Exception {
        publish(delta(5, 4, D2, List.of(rule(3, null)), List.of()));
        await("the request for a tenant with nothing held", () -> requests("acme") == 1);
        asAgent(acme).get("/agent/rule-bundle").then().statusCode(204);

        publish(full(1, List.of(rule(1, null), rule(2, "CVE-2"))));
        awaitRevision(1);
        publish(delta(3, 2, D3, List.of(), List.of(1)));
        publish(delta(4, 3, D3, List.of(), List.of(1)));
        publish(full(1, List.of(), "marker", "globex"));
        await("the marker is stored", () -> fixtures.count("rule_bundle WHERE tenant_id = 'globex'") == 1);
        assertEquals(2, requests("acme"), "asked again once the full bundle came, then not again within the pause");
        asDeltaAgent(acme, "\"1\"").get("/agent/rule-bundle").then().statusCode(304);

        publish(full(4, List.of(rule(2, "CVE-2"))));
        awaitRevision(4);
        asDeltaAgent(acme, "\"1\"")
                .get("/agent/rule-bundle")
                .then()
                .statusCode(200)
                .header("ETag", "\"4\"")
                .body("rules.number", contains(2));
    }

    @Test
    void afterEnoughDeltasTheGatewayAsksForAFullBundleAndNewAgentsGetItShort() throws Exception {
        publish(full(1, List.of(rule(1, null))));
        StringBuilder folded = new StringBuilder(FULL_1);
        for (int revision = 2; revision <= 6; revision++) {
            String commands = "add chain inet herd r" + revision + "\n";
            publish(delta(revision, revision - 1, commands, List.of(rule(revision, null)), List.of()));
            folded.append(commands);
        }
        awaitRevision(6);
        await("asked for a full bundle", () -> requests("acme") == 1);
        RuleBundleRequest asked = json.readValue(
                fixtures.text("SELECT payload FROM outbox_message WHERE address = '" + RuleBundleRequest.ADDRESS + "'"),
                RuleBundleRequest.class);
        assertEquals(RuleBundleRequest.COMPACTION, asked.reason());
        assertEquals(6L, asked.heldRevision());
        asAgent(acme).get("/agent/rule-bundle").then().statusCode(200).body("nftables", equalTo(folded.toString()));

        String compact = "table inet herd {}\ndelete table inet herd\n" + ADDRESSES
                + "table inet herd {\n\tchain r6 {\n\t}\n}\n";
        publish(full(6, List.of(rule(1, null), rule(6, null)), compact, "acme"));
        await(
                "the full bundle replaced the folded one",
                () -> fixtures.count("rule_bundle WHERE full_revision = 6") == 1);
        asAgent(acme).get("/agent/rule-bundle").then().statusCode(200).body("nftables", equalTo(compact));
        asDeltaAgent(acme, "\"4\"")
                .get("/agent/rule-bundle")
                .then()
                .statusCode(226)
                .body("changes.put.number", contains(5, 6));
    }

    @Test
    void deltasOfManyTenantsWaitingTogetherAreTakenTogetherInOrderAndAGapIsStillAskedForAFullBundle() {
        List<String> tenants = java.util.stream.IntStream.range(0, 30)
                .mapToObj(i -> "batch-" + i)
                .toList();
        List<String> fulls = new java.util.ArrayList<>();
        tenants.forEach(tenant -> fulls.add(text(full(1, List.of(rule(1, null)), FULL_1, tenant))));
        delivery.publishTogether(RuleBundle.ADDRESS, fulls);
        await(
                "every tenant holds revision 1",
                () -> fixtures.count("rule_bundle WHERE tenant_id LIKE 'batch-%' " + "AND revision = 1")
                        == tenants.size());

        List<String> deltas = new java.util.ArrayList<>();
        for (int revision = 2; revision <= 4; revision++) {
            for (String tenant : tenants) {
                deltas.add(text(delta(tenant, revision, revision - 1, "add chain inet herd r" + revision + "\n")));
            }
        }
        deltas.add(text(delta("batch-0", 9, 7, "add chain inet herd r9\n"))); // builds on nothing held
        delivery.publishTogether(RuleBundle.ADDRESS, deltas);
        await(
                "every tenant holds revision 4",
                () -> fixtures.count("rule_bundle WHERE tenant_id LIKE 'batch-%' " + "AND revision = 4")
                        == tenants.size());
        await("batch-0 asked for a full bundle", () -> requests("batch-0") == 1);

        assertEquals(3L * tenants.size(), fixtures.count("rule_bundle_delta WHERE tenant_id LIKE 'batch-%'"));
        long transactions = fixtures.count("(SELECT DISTINCT consumed_at FROM consumed_message "
                + "WHERE consumer = 'tenant-gateway.rule-bundles') t");
        assertTrue(
                transactions < 2 * tenants.size(),
                (fulls.size() + deltas.size()) + " bundles waiting together took " + transactions + " transactions");
        for (String tenant : List.of("batch-0", "batch-17", "batch-29")) {
            assertEquals(
                    1,
                    fixtures.count("rule_bundle WHERE tenant_id = '" + tenant + "' AND revision = 4 "
                            + "AND full_revision = 1"),
                    tenant + ": the deltas moved its head, the full body stayed");
            assertEquals(
                    "2,3,4",
                    fixtures.text("SELECT string_agg(revision::text, ',' ORDER BY revision) FROM rule_bundle_delta "
                            + "WHERE tenant_id = '" + tenant + "' AND base_revision = revision - 1"));
        }
        assertEquals(0, requests("batch-17"), "a tenant whose deltas all built on each other asks for nothing");
    }

    private void fullThenTwoDeltas() {
        publish(full(1, List.of(rule(1, null), rule(2, "CVE-2"))));
        publish(delta(2, 1, D2, List.of(rule(3, null)), List.of()));
        publish(delta(3, 2, D3, List.of(), List.of(1)));
        awaitRevision(3);
    }

    private static io.restassured.specification.RequestSpecification asDeltaAgent(EnrolledAgent agent, String held) {
        return asAgent(agent).header("A-IM", "herd-delta").header("If-None-Match", held);
    }

    private static RuleBundle.Rule rule(int number, String advisory) {
        boolean signature = advisory != null;
        return new RuleBundle.Rule(
                number,
                signature ? advisory : "CVE-" + number,
                "DROP",
                "tcp",
                443,
                signature ? "HEARTBLEED" : null,
                List.of("web-0" + (number == 3 ? 2 : 1)),
                signature ? suricata(number) : null);
    }

    private static String suricata(int number) {
        return "drop tcp any any -> [10.0.0.1] 443 (msg:\"herd:" + number + "\"; sid:" + (9_000_000 + number) + ";)\n";
    }

    private static RuleBundle full(long revision, List<RuleBundle.Rule> rules) {
        return full(revision, rules, FULL_1, "acme");
    }

    private static RuleBundle full(long revision, List<RuleBundle.Rule> rules, String nftables, String tenant) {
        StringBuilder suricata = new StringBuilder();
        rules.stream().filter(r -> r.suricata() != null).forEach(r -> suricata.append(r.suricata()));
        return new RuleBundle(tenant, revision, Instant.parse(T0), rules, nftables, suricata.toString());
    }

    private static RuleBundle delta(
            long revision, long base, String nftables, List<RuleBundle.Rule> put, List<Integer> withdrawn) {
        return RuleBundle.delta(
                "acme", revision, Instant.parse(T0), base, nftables, new RuleBundle.Changes(put, withdrawn));
    }

    private static RuleBundle delta(String tenant, long revision, long base, String nftables) {
        return RuleBundle.delta(
                tenant,
                revision,
                Instant.parse(T0),
                base,
                nftables,
                new RuleBundle.Changes(List.of(rule((int) revision, null)), List.of()));
    }

    private void publish(RuleBundle bundle) {
        delivery.publish(RuleBundle.ADDRESS, text(bundle));
    }

    private String text(RuleBundle bundle) {
        try {
            return json.writeValueAsString(bundle);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private long requests(String tenant) {
        return fixtures.count("outbox_message WHERE address = '" + RuleBundleRequest.ADDRESS + "' AND message_key = '"
                + tenant + "'");
    }

    private void awaitRevision(long revision) {
        await(
                "revision " + revision + " of acme is held",
                () -> fixtures.count("rule_bundle WHERE tenant_id = 'acme' AND revision = " + revision) == 1);
    }
}
