package dev.herd.portal.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herd.contracts.advisory.AdvisoryChanged;
import dev.herd.contracts.inventory.MachineInventory;
import dev.herd.contracts.inventory.MachineInventory.PackageRef;
import dev.herd.portal.support.DebianSample;
import dev.herd.portal.support.PortalFixtures;
import dev.herd.portal.support.ProtectionSample;
import dev.herd.testing.EmbeddedArtemisResource;
import dev.herd.testing.Messages;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Installed packages stored once per distinct package set (V26): machines of two tenants with the same packages share
 * one set; a delta points its machine at another set and leaves the other machine's alone; the findings stay per
 * machine; unused sets are swept; the digest V26 computes in SQL is the one stored; a bad inventory stores no set.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedArtemisResource.class)
class PackageSetTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final PackageRef BASH = new PackageRef("bash", "5.2.15-2+b2", "amd64", "bash", "5.2.15-2");
    private static final PackageRef CURL = new PackageRef("curl", "7.88.1-10", "amd64", "curl", "7.88.1-10");
    private static final PackageRef LIBSSL = new PackageRef("libssl3", "3.0.9-1", "amd64", "openssl", "3.0.9-1");

    @Inject
    ConnectionFactory connections;

    @Inject
    ObjectMapper json;

    @Inject
    PortalFixtures fixtures;

    @Inject
    PackageSetSweeper sweeper;

    @BeforeEach
    void reset() {
        fixtures.reset();
    }

    @Test
    void machinesWithTheSamePackagesShareOneSetAndADeltaMovesOnlyItsMachine() {
        send(inventory("acme", "acme-web1", 1, MachineInventory.Kind.FULL, List.of(BASH, CURL), List.of()));
        send(inventory("globex", "globex-web1", 1, MachineInventory.Kind.FULL, List.of(CURL, BASH), List.of()));
        awaitSequence("globex", "globex-web1", 1);
        awaitSequence("acme", "acme-web1", 1);

        assertEquals(1, fixtures.count("SELECT count(*) FROM package_set"));
        assertEquals(2, fixtures.count("SELECT count(*) FROM package_set_member"));
        assertEquals(setOf("acme", "acme-web1"), setOf("globex", "globex-web1"));

        // acme-web1 drops curl and gets libssl3: a set of its own; globex-web1 keeps bash and curl
        send(inventory("acme", "acme-web1", 2, MachineInventory.Kind.DELTA, List.of(LIBSSL), List.of(CURL)));
        awaitSequence("acme", "acme-web1", 2);
        assertNotEquals(setOf("acme", "acme-web1"), setOf("globex", "globex-web1"));
        assertEquals(List.of("bash", "libssl3"), packagesOf("acme", "acme-web1"));
        assertEquals(List.of("bash", "curl"), packagesOf("globex", "globex-web1"));
        assertEquals(
                2,
                fixtures.count("SELECT package_count FROM package_set s JOIN machine m ON m.package_set_id = s.id "
                        + "WHERE m.id = '" + DebianSample.machineId("acme", "acme-web1") + "'"));

        // every stored set carries the digest V26 computes in SQL from its members
        assertEquals(
                0,
                fixtures.count("SELECT count(*) FROM package_set s WHERE s.digest IS DISTINCT FROM (SELECT "
                        + "sha256(convert_to(COALESCE(string_agg(concat_ws(E'\\t', p.name, p.architecture, p.version, "
                        + "COALESCE(p.source_name, '\\N'), COALESCE(p.source_version, '\\N'), p.match_name, "
                        + "p.match_version), E'\\n' ORDER BY p.name COLLATE \"C\", p.architecture COLLATE \"C\"), ''), "
                        + "'UTF8')) FROM package_set_member p WHERE p.set_id = s.id)"));

        // globex-web1 reports other packages: nothing uses {bash, curl} any more, and the sweep removes it
        long unused = setOf("globex", "globex-web1");
        send(inventory("globex", "globex-web1", 2, MachineInventory.Kind.FULL, List.of(BASH), List.of()));
        awaitSequence("globex", "globex-web1", 2);
        assertEquals(0, sweeper.sweep(), "a set younger than keep-unused stays");
        fixtures.execute("UPDATE package_set SET created_at = now() - interval '1 day'");
        assertEquals(1, sweeper.sweep());
        assertEquals(0, fixtures.count("SELECT count(*) FROM package_set WHERE id = " + unused));
        assertEquals(0, fixtures.count("SELECT count(*) FROM package_set_member WHERE set_id = " + unused));
        assertEquals(List.of("bash", "libssl3"), packagesOf("acme", "acme-web1"));
        assertEquals(List.of("bash"), packagesOf("globex", "globex-web1"));
    }

    @Test
    void findingsStayPerMachineWhenMachinesShareASet() {
        send(inventory("acme", "acme-web1", 1, MachineInventory.Kind.FULL, List.of(BASH, LIBSSL), List.of()));
        send(inventory("globex", "globex-web1", 1, MachineInventory.Kind.FULL, List.of(LIBSSL, BASH), List.of()));
        awaitSequence("acme", "acme-web1", 1);
        awaitSequence("globex", "globex-web1", 1);
        assertEquals(setOf("acme", "acme-web1"), setOf("globex", "globex-web1"));
        double openedBefore = counter("herd_findings_opened_total");
        double closedBefore = counter("herd_findings_closed_total");

        Messages.send(
                connections, json, AdvisoryChanged.ADDRESS, List.of(ProtectionSample.severe("CVE-2099-7777", 7.5)));
        PortalFixtures.await(
                "a finding on each machine",
                WAIT,
                () -> fixtures.count("SELECT count(*) FROM finding WHERE advisory_id = 'CVE-2099-7777'") == 2);
        PortalFixtures.await(
                "the two findings counted as opened on /q/metrics",
                WAIT,
                () -> counter("herd_findings_opened_total") - openedBefore == 2);
        assertEquals(
                "acme:" + DebianSample.machineId("acme", "acme-web1") + ",globex:"
                        + DebianSample.machineId("globex", "globex-web1"),
                fixtures.text("SELECT string_agg(tenant_id || ':' || machine_id, ',' ORDER BY tenant_id) FROM finding "
                        + "WHERE advisory_id = 'CVE-2099-7777' AND package_name = 'openssl'"));

        // one machine is patched: its own finding closes, the other machine's stays open
        send(inventory(
                "acme",
                "acme-web1",
                2,
                MachineInventory.Kind.DELTA,
                List.of(new PackageRef("libssl3", "99.0-1", "amd64", "openssl", "99.0-1")),
                List.of()));
        PortalFixtures.await(
                "acme-web1's finding closed",
                WAIT,
                () -> fixtures.count("SELECT count(*) FROM finding WHERE advisory_id = 'CVE-2099-7777' "
                                + "AND closed_at IS NULL")
                        == 1);
        assertEquals(
                "globex",
                fixtures.text(
                        "SELECT tenant_id FROM finding WHERE advisory_id = 'CVE-2099-7777' AND closed_at IS NULL"));
        PortalFixtures.await(
                "the patched finding counted as closed on /q/metrics",
                WAIT,
                () -> counter("herd_findings_closed_total") - closedBefore == 1);
        assertEquals(2, counter("herd_findings_opened_total") - openedBefore);
    }

    /** A counter's value on the portal's Prometheus endpoint. */
    private static double counter(String name) {
        String metrics =
                RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher value = Pattern.compile("^" + name + "(?:\\{[^}]*\\})? (\\S+)$", Pattern.MULTILINE)
                .matcher(metrics);
        if (!value.find()) {
            throw new AssertionError(name + " is not on /q/metrics");
        }
        return Double.parseDouble(value.group(1));
    }

    @Test
    void anInventoryWithNulInAPackageStoresNoSet() {
        send(inventory(
                "acme",
                "acme-web1",
                1,
                MachineInventory.Kind.FULL,
                List.of(new PackageRef("ba\u0000sh", "5.2", "amd64", null, null)),
                List.of()));
        PortalFixtures.await(
                "the bad inventory dead-lettered", WAIT, () -> fixtures.count("SELECT count(*) FROM dead_letter") > 0);
        assertEquals(0, fixtures.count("SELECT count(*) FROM package_set"));
        assertEquals(0, fixtures.count("SELECT count(*) FROM machine"));
    }

    private long setOf(String tenant, String name) {
        return fixtures.count(
                "SELECT package_set_id FROM machine WHERE id = '" + DebianSample.machineId(tenant, name) + "'");
    }

    private List<String> packagesOf(String tenant, String name) {
        String names = fixtures.text("SELECT string_agg(p.name, ',' ORDER BY p.name) FROM machine m "
                + "JOIN package_set_member p ON p.set_id = m.package_set_id WHERE m.id = '"
                + DebianSample.machineId(tenant, name) + "'");
        return List.of(names.split(","));
    }

    private void awaitSequence(String tenant, String name, long sequence) {
        PortalFixtures.await(
                name + " at sequence " + sequence,
                WAIT,
                () -> fixtures.count("SELECT count(*) FROM machine WHERE id = '" + DebianSample.machineId(tenant, name)
                                + "' AND last_sequence >= " + sequence)
                        == 1);
    }

    private void send(MachineInventory inventory) {
        Messages.send(connections, json, MachineInventory.ADDRESS, List.of(inventory));
    }

    private static MachineInventory inventory(
            String tenant,
            String name,
            long sequence,
            MachineInventory.Kind kind,
            List<PackageRef> packages,
            List<PackageRef> removed) {
        return new MachineInventory(
                tenant,
                DebianSample.machineId(tenant, name),
                name,
                name,
                "debian",
                "12",
                "amd64",
                sequence,
                kind,
                packages,
                removed,
                List.of(),
                List.of("10.9.0." + Math.abs(name.hashCode() % 250)),
                Instant.now());
    }
}
