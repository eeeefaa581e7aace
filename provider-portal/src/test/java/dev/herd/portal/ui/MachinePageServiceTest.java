package dev.herd.portal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herd.contracts.problem.HerdException;
import dev.herd.portal.patch.PatchPlanService;
import dev.herd.portal.support.PortalFixtures;
import dev.herd.testing.EmbeddedArtemisResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The machine page's sections, each scoped to the tenant's machine and bounded. */
@QuarkusTest
@QuarkusTestResource(EmbeddedArtemisResource.class)
class MachinePageServiceTest {

    @Inject
    PortalFixtures fixtures;

    @Inject
    ConnectionFactory connections;

    @Inject
    ObjectMapper json;

    @Inject
    PatchPlanService plans;

    @Inject
    MachinePageService pages;

    @BeforeEach
    void fleet() {
        UiSample.fleet(fixtures, connections, json, plans);
    }

    @Test
    void aMachinesPageHoldsItsOwnPackagesFindingsAndPlans() {
        MachinePage page = pages.of("acme", "acme-web1", null);

        assertEquals("acme-web1", page.machine().name());
        assertEquals(
                fixtures.text("SELECT CAST(addresses ->> 0 AS text) FROM machine WHERE name = 'acme-web1'"),
                page.machine().addresses().getFirst());
        assertEquals(
                fixtures.count(
                        "SELECT count(*) FROM package_set_member p JOIN machine m ON m.package_set_id = p.set_id "
                                + "WHERE m.name = 'acme-web1'"),
                page.packageCount());
        assertTrue(page.packages().stream().anyMatch(p -> p.name().startsWith("openssl")), page.packages()::toString);
        assertEquals(
                fixtures.count("SELECT count(*) FROM finding f JOIN machine m ON m.id = f.machine_id "
                        + "WHERE m.name = 'acme-web1' AND f.closed_at IS NULL"),
                page.openFindings());
        assertTrue(page.findings().stream().allMatch(f -> f.advisory().equals("CVE-2099-0131")));
        assertEquals(1, page.plans().size(), page.plans()::toString);
        assertEquals("PROPOSED", page.plans().getFirst().state());
        assertEquals(
                fixtures.count(
                        "SELECT count(*) FROM filter_rule_machine rm JOIN machine m ON m.id = rm.machine_id "
                                + "JOIN filter_rule r ON r.id = rm.rule_id WHERE m.name = 'acme-web1' AND r.state <> 'WITHDRAWN'"),
                page.rules().size());
        assertNull(page.nextPackage(), "one page holds the sample's packages");
    }

    @Test
    void anotherTenantsMachineAndAnUnknownOneAre404() {
        HerdException other = assertThrows(HerdException.class, () -> pages.of("acme", "globex-web1", null));
        assertEquals(404, other.status());
        HerdException unknown = assertThrows(HerdException.class, () -> pages.of("acme", "no-such-machine", null));
        assertEquals(404, unknown.status());
    }

    @Test
    void packagesAfterTheLastNameGiveAnEmptyPage() {
        MachinePage page = pages.of("acme", "acme-web1", "zzzz");
        assertTrue(page.packages().isEmpty());
        assertNull(page.nextPackage());
    }
}
