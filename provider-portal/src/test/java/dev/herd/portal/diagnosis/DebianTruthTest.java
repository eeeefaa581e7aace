package dev.herd.portal.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herd.contracts.advisory.AdvisoryChanged;
import dev.herd.contracts.inventory.MachineInventory;
import dev.herd.portal.support.DebianSample;
import dev.herd.portal.support.PortalFixtures;
import dev.herd.testing.EmbeddedArtemisResource;
import dev.herd.testing.Messages;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The Done-when of diagnosis at the portal: the Debian 12 sample advisories and fleet, delivered as the messages the
 * hub and the gateway send, give exactly the findings of debian12-dev-truth.json — none missing, none extra, with
 * the same installed and fixed versions.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedArtemisResource.class)
class DebianTruthTest {

    private static final String TENANT = "acme";

    @Inject
    ConnectionFactory connections;

    @Inject
    ObjectMapper json;

    @Inject
    PortalFixtures fixtures;

    @Inject
    FindingRepository findings;

    @Inject
    DiagnosisService diagnosis;

    @Test
    void findingsEqualTheTruthFileAndStayEqualWhenDiagnosedAgain() throws Exception {
        fixtures.reset();
        List<AdvisoryChanged> advisories = DebianSample.advisories(json);
        List<MachineInventory> fleet = DebianSample.fleet(json, TENANT);
        // Half the advisories before the fleet, half after: both incremental paths must give the same findings.
        int half = advisories.size() / 2;
        Messages.send(connections, json, AdvisoryChanged.ADDRESS, advisories.subList(0, half));
        Messages.send(connections, json, MachineInventory.ADDRESS, fleet);
        Messages.send(connections, json, AdvisoryChanged.ADDRESS, advisories.subList(half, advisories.size()));
        int expectedMessages = advisories.size() + fleet.size();
        PortalFixtures.await(
                "every message consumed",
                Duration.ofMinutes(4),
                () -> fixtures.count("SELECT count(*) FROM consumed_message") == expectedMessages);

        Set<String> expected = new TreeSet<>();
        for (DebianSample.Expected e : DebianSample.truth(json)) {
            expected.add(String.join(" ", e.machine(), e.advisory(), e.packageName(), e.installed(), e.fixed()));
        }
        assertEquals(14_030, expected.size());
        assertSameFindings(expected, actual());

        DiagnosisSummary again = diagnosis.diagnoseTenant(TENANT);
        assertEquals(40, again.machines());
        assertEquals(0, again.opened() + again.reopened() + again.closed() + again.changed(), again.toString());
        assertSameFindings(expected, actual());
        assertEquals(0, fixtures.count("SELECT count(*) FROM dead_letter"));
    }

    private Set<String> actual() {
        List<FindingView> all = QuarkusTransaction.requiringNew()
                .call(() -> findings.page(TENANT, FindingFilter.open(), null, 100_000));
        Set<String> actual = new HashSet<>();
        for (FindingView f : all) {
            actual.add(String.join(" ", f.machine(), f.sourceDocument(), f.packageName(), f.installed(), f.fixed()));
        }
        assertEquals(all.size(), actual.size(), "one finding per (machine, advisory, package)");
        return actual;
    }

    private static void assertSameFindings(Set<String> expected, Set<String> actual) {
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(actual);
        Set<String> extra = new TreeSet<>(actual);
        extra.removeAll(expected);
        assertTrue(
                missing.isEmpty() && extra.isEmpty(),
                "missing " + missing.size() + " " + missing.stream().limit(10).toList() + "; extra " + extra.size()
                        + " " + extra.stream().limit(10).toList());
    }
}
