package dev.herd.portal.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herd.contracts.advisory.AdvisoryChanged;
import dev.herd.contracts.delivery.RuleBundle;
import dev.herd.contracts.inventory.MachineInventory;
import dev.herd.portal.support.DebianSample;
import dev.herd.portal.support.PortalFixtures;
import dev.herd.portal.support.ProtectionSample;
import dev.herd.testing.EmbeddedArtemisResource;
import dev.herd.testing.Messages;
import dev.herd.testing.Subscription;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A community advisory (no packages; a signature and an attacker's address on tcp/443) reaches the machines that
 * listen on tcp/443 in every tenant, and only those: exposure findings, rules deployed at once with the attacker as
 * source, bundles the real nft accepts; a machine that starts listening is exposed too; the withdrawal closes the
 * findings as WITHDRAWN and empties the bundles.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedArtemisResource.class)
class ExposureTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String ID = "HERD-COMMUNITY-0A1B2C3D4E5F";
    private static final String ATTACKER = "203.0.113.0/24";

    @Inject
    ConnectionFactory connections;

    @Inject
    ObjectMapper json;

    @Inject
    PortalFixtures fixtures;

    private Subscription bundles;

    @BeforeEach
    void fleet() {
        fixtures.reset();
        bundles = Subscription.to(connections, json, RuleBundle.ADDRESS);
        send(
                MachineInventory.ADDRESS,
                List.of(
                        ProtectionSample.machine("acme", "acme-web1", List.of("10.0.0.1", "fd00::1")),
                        ProtectionSample.machine("globex", "globex-web1", List.of("10.1.0.1")),
                        initech(1, new MachineInventory.ListeningPort("tcp", "127.0.0.1", 443))));
        PortalFixtures.await("fleet stored", WAIT, () -> fixtures.count("SELECT count(*) FROM machine") == 3);
    }

    @AfterEach
    void close() {
        bundles.close();
    }

    @Test
    void communityAdvisoryProtectsExposedMachinesOfEveryTenantUntilWithdrawn() throws Exception {
        send(AdvisoryChanged.ADDRESS, List.of(community(AdvisoryChanged.Change.CREATED, Instant.now())));

        java.util.Map<String, RuleBundle> first = new java.util.TreeMap<>();
        for (int i = 0; i < 2; i++) {
            RuleBundle bundle = bundles.next(RuleBundle.class, b -> true, WAIT);
            first.put(bundle.tenantId(), bundle);
        }
        assertEquals(java.util.Set.of("acme", "globex"), first.keySet(), "no bundle for the unexposed tenant");
        RuleBundle acme = first.get("acme");
        assertEquals(1, acme.revision());
        assertEquals(2, acme.rules().size());
        acme.rules().forEach(r -> assertEquals(List.of("acme-web1"), r.machines()));
        assertTrue(acme.nftables().contains("set r"), acme.nftables());
        assertTrue(
                acme.nftables().matches("(?s).*add element inet herd r\\d+_src_v4 \\{[^}]*203\\.0\\.113\\.0/24.*"),
                acme.nftables());
        assertTrue(
                acme.nftables().matches("(?s).*ip saddr @r\\d+_src_v4 ip daddr @r\\d+_v4 tcp dport 443 drop.*"),
                acme.nftables());
        assertTrue(acme.suricata().contains("GET /cgi-bin"), acme.suricata());
        assertNftAccepts(acme.nftables());
        RuleBundle globex = first.get("globex");
        assertEquals(1, globex.revision());
        assertTrue(globex.nftables().contains("10.1.0.1") && !globex.nftables().contains("10.0.0.1"));
        assertNftAccepts(globex.nftables());

        assertEquals(
                2,
                fixtures.count("SELECT count(*) FROM finding WHERE advisory_id = '" + ID + "' "
                        + "AND package_name = 'service:tcp/443' AND installed = 'listening' AND fixed IS NULL "
                        + "AND source_document = '" + ID + "' AND action = 'FILTER' AND state = 'MITIGATED'"));
        assertEquals(0, fixtures.count("SELECT count(*) FROM finding WHERE tenant_id = 'initech'"));
        assertEquals(0, fixtures.count("SELECT count(*) FROM filter_rule WHERE tenant_id = 'initech'"));
        assertEquals(
                1,
                fixtures.count("SELECT count(*) FROM filter_rule WHERE tenant_id = 'acme' " + "AND source_address = '"
                        + ATTACKER + "' AND state = 'DEPLOYED'"));

        // the package path (a new inventory of the same machine) leaves exposure findings alone
        MachineInventory again = ProtectionSample.machine("acme", "acme-web1", List.of("10.0.0.1", "fd00::1"));
        send(MachineInventory.ADDRESS, List.of(withSequence(again, 2)));
        // initech's machine starts listening on tcp/443: it is exposed now
        send(MachineInventory.ADDRESS, List.of(initech(2, new MachineInventory.ListeningPort("tcp", "0.0.0.0", 443))));
        RuleBundle initech = bundles.next(RuleBundle.class, b -> b.tenantId().equals("initech"), WAIT);
        assertEquals(1, initech.revision());
        assertTrue(initech.nftables().contains("10.2.0.1"), initech.nftables());
        assertNftAccepts(initech.nftables());
        assertEquals(
                3,
                fixtures.count(
                        "SELECT count(*) FROM finding WHERE advisory_id = '" + ID + "' " + "AND state = 'MITIGATED'"));

        send(AdvisoryChanged.ADDRESS, List.of(community(AdvisoryChanged.Change.WITHDRAWN, Instant.now())));
        // bundles of several tenants arrive in any order; next() skips what does not match
        java.util.Set<String> emptiedTenants = new java.util.TreeSet<>();
        for (int i = 0; i < 3; i++) {
            RuleBundle emptied = bundles.next(RuleBundle.class, b -> b.rules().isEmpty(), WAIT);
            emptiedTenants.add(emptied.tenantId());
            assertEquals(2, emptied.revision(), emptied.tenantId());
            assertFalse(emptied.nftables().contains("jump r"), emptied.nftables());
            assertFalse(emptied.nftables().contains(ATTACKER), emptied.nftables());
        }
        assertEquals(java.util.Set.of("acme", "globex", "initech"), emptiedTenants);
        assertEquals(
                3,
                fixtures.count("SELECT count(*) FROM finding WHERE advisory_id = '" + ID + "' "
                        + "AND state = 'WITHDRAWN' AND closed_at IS NOT NULL"));
        assertEquals(
                3,
                fixtures.count("SELECT count(*) FROM finding_history h JOIN finding f ON f.id = h.finding_id "
                        + "WHERE f.advisory_id = '" + ID + "' AND h.state = 'WITHDRAWN'"));
        assertEquals(0, fixtures.count("SELECT count(*) FROM filter_rule WHERE state <> 'WITHDRAWN'"));
    }

    @Test
    void anAttackerWithoutAPortExposesEveryMachine() {
        AdvisoryChanged anyPort = new AdvisoryChanged(
                "HERD-COMMUNITY-FFFFFFFFFFFF",
                AdvisoryChanged.Change.CREATED,
                true,
                true,
                3,
                List.of(),
                Instant.now(),
                "Damage seen in the wild: attacker 198.51.100.7",
                null,
                null,
                List.of("HERD-COMMUNITY-FFFFFFFFFFFF"),
                List.of(),
                List.of(new AdvisoryChanged.Mitigation(
                        null, null, null, null, "traffic from attacker 198.51.100.7", "198.51.100.7")),
                List.of());
        send(AdvisoryChanged.ADDRESS, List.of(anyPort));
        java.util.Set<String> tenants = new java.util.TreeSet<>();
        for (int i = 0; i < 3; i++) {
            RuleBundle bundle = bundles.next(RuleBundle.class, b -> true, WAIT);
            tenants.add(bundle.tenantId());
            assertTrue(bundle.nftables().contains("ip saddr @r1_src_v4 ip daddr @r1_v4 drop"), bundle.nftables());
            assertNftAccepts(bundle.nftables());
        }
        assertEquals(java.util.Set.of("acme", "globex", "initech"), tenants);
        assertEquals(3, fixtures.count("SELECT count(*) FROM finding WHERE package_name = 'service:any'"));
    }

    private static AdvisoryChanged community(AdvisoryChanged.Change change, Instant modified) {
        return new AdvisoryChanged(
                ID,
                change,
                true,
                change != AdvisoryChanged.Change.WITHDRAWN,
                change != AdvisoryChanged.Change.WITHDRAWN ? 3 : 0,
                List.of(),
                modified,
                "Damage seen in the wild: signature on tcp/443, attacker " + ATTACKER + " on tcp/443",
                null,
                null,
                List.of(ID),
                List.of(),
                List.of(
                        new AdvisoryChanged.Mitigation(
                                "tcp", 443, null, "GET /cgi-bin/.%2e/.%2e/bin/sh", "payload signature", null),
                        new AdvisoryChanged.Mitigation(
                                "tcp", 443, null, null, "traffic from attacker " + ATTACKER, ATTACKER),
                        new AdvisoryChanged.Mitigation(null, null, null, null, "file sha256 " + "ab".repeat(32), null)),
                List.of());
    }

    private static MachineInventory initech(long sequence, MachineInventory.ListeningPort port) {
        return new MachineInventory(
                "initech",
                DebianSample.machineId("initech", "initech-db1"),
                "initech-db1",
                "initech-db1",
                "debian",
                "12",
                "amd64",
                sequence,
                MachineInventory.Kind.FULL,
                List.of(new MachineInventory.PackageRef("bash", "5.2.15-2+b2", "amd64", "bash", "5.2.15-2")),
                List.of(),
                List.of(new MachineInventory.ListeningPort("tcp", "0.0.0.0", 5432), port),
                List.of("10.2.0.1"),
                Instant.now());
    }

    private static MachineInventory withSequence(MachineInventory m, long sequence) {
        return new MachineInventory(
                m.tenantId(),
                m.agentId(),
                m.machineId(),
                m.hostname(),
                m.osId(),
                m.osVersion(),
                m.architecture(),
                sequence,
                m.kind(),
                m.packages(),
                m.removedPackages(),
                m.listening(),
                m.addresses(),
                Instant.now());
    }

    private void send(String address, List<?> payloads) {
        Messages.send(connections, json, address, payloads);
    }

    /** {@code nft -c -f}: parsed and checked by the kernel, never committed. */
    private static void assertNftAccepts(String ruleset) {
        Path nft = Path.of("/usr/sbin/nft");
        Assumptions.assumeTrue(Files.isExecutable(nft), "nft is not installed");
        try {
            Path file = Files.createTempFile("herd-exposure-", ".nft");
            file.toFile().deleteOnExit();
            Files.writeString(file, ruleset, StandardCharsets.UTF_8);
            Process process = new ProcessBuilder(nft.toString(), "-c", "-f", file.toString())
                    .redirectErrorStream(true)
                    .start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, process.exitValue(), () -> "nft -c rejected:\n" + output + "\n" + ruleset);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
