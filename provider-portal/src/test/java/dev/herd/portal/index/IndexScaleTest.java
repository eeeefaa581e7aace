package dev.herd.portal.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herd.portal.interconnection.InterconnectionService;
import dev.herd.portal.support.PortalFixtures;
import dev.herd.testing.EmbeddedArtemisResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The index job holds a bounded amount of memory whatever the number of findings: about 200,000 open findings are
 * generated in SQL, and the bytes the job's thread allocates while computing every tenant's indices (and the
 * interconnection decisions built on them) stay under a fixed bound and do not grow with a fourfold fleet. The
 * figures themselves are checked exactly against the generated pattern.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedArtemisResource.class)
class IndexScaleTest {

    private static final Logger LOG = Logger.getLogger(IndexScaleTest.class);

    /** Findings per machine: every severity (10, 5, 1, none) at every age weight (0.1, 0.5, 0.8, 1.0), 64 times. */
    private static final int PER_MACHINE = 1024;

    /** Points of one machine: 64 x (10 + 5 + 1) x (0.1 + 0.5 + 0.8 + 1.0). */
    private static final double MACHINE_POINTS = 64 * 16 * 2.4;

    /** What the job may allocate, far below what 200,000 rows read into memory cost (tens of megabytes). */
    private static final long BOUND = 16L * 1024 * 1024;

    @Inject
    IndexService indices;

    @Inject
    InterconnectionService interconnections;

    @Inject
    PortalFixtures fixtures;

    @Inject
    EntityManager entityManager;

    @BeforeEach
    void clean() {
        fixtures.reset();
        for (String tenant : List.of("acme", "globex")) {
            sql("INSERT INTO tenant (id, display_name) VALUES ('" + tenant + "', '" + tenant + "') "
                    + "ON CONFLICT (id) DO NOTHING");
        }
        sql("INSERT INTO advisory (id, title, severity, known_exploited, emergency_level, actionable, withdrawn, "
                + "aliases, affected, mitigations, patches, modified_at, updated_at) SELECT 'SCALE-' || n, 'scale', "
                + "(ARRAY['HIGH', 'moderate', 'LOW', NULL])[n + 1], false, 0, true, false, '[]', '[]', '[]', '[]', "
                + "now(), now() FROM generate_series(0, 3) n");
        // acme holds a policy towards globex, so the interconnection job evaluates it every run
        sql("INSERT INTO interconnection (tenant_id, partner_id, max_vulnerability_deviation, require_trusted, "
                + "updated_by, updated_at) VALUES ('acme', 'globex', 55, false, 'test', now())");
    }

    @AfterEach
    void cleanAfter() {
        fixtures.reset();
    }

    @Test
    void theIndexJobAllocatesTheSameForAFourfoldFleet() {
        machines("acme", 0, 30);
        machines("globex", 0, 10);
        measure("warm-up", this::everyIndex);
        long small = measure("51,200 findings", this::everyIndex);
        long smallJob = measure("51,200 findings, interconnection job", this::interconnectionJob);

        machines("acme", 30, 150);
        machines("globex", 10, 50);
        assertEquals(204_800, fixtures.count("SELECT count(*) FROM finding WHERE closed_at IS NULL"));
        long large = measure("204,800 findings", this::everyIndex);
        long largeJob = measure("204,800 findings, interconnection job", this::interconnectionJob);

        assertTrue(large < BOUND, "computing every index allocated " + large + " bytes");
        assertTrue(largeJob < BOUND, "the interconnection job allocated " + largeJob + " bytes");
        // fourfold findings, (almost) the same allocation: nothing is read per finding
        assertTrue(large < small + 2 * 1024 * 1024, small + " bytes for 51,200 findings, " + large + " for 204,800");
        assertTrue(
                largeJob < smallJob + 2 * 1024 * 1024,
                smallJob + " bytes for 51,200 findings, " + largeJob + " for 204,800");

        Map<String, TenantIndices> byTenant =
                indices.all().stream().collect(Collectors.toMap(TenantIndices::tenantId, i -> i));
        TenantIndices acme = byTenant.get("acme");
        assertEquals(150 * MACHINE_POINTS, acme.vulnerabilityIndex(), 1e-6);
        assertEquals(150 * PER_MACHINE, acme.openFindings());
        assertEquals(150 * PER_MACHINE / 4, acme.unknownSeverityFindings());
        TenantIndices globex = byTenant.get("globex");
        assertEquals(50 * MACHINE_POINTS, globex.vulnerabilityIndex(), 1e-6);
        assertEquals(50 * PER_MACHINE, globex.openFindings());
        assertEquals(0, globex.attacks());
        assertEquals(
                "Detectors silent for more than two windows",
                globex.trustReason().substring(0, "Detectors silent for more than two windows".length()));
    }

    /** Every tenant's indices, as the MSSP overview asks for them. */
    private Object everyIndex() {
        return QuarkusTransaction.requiringNew().call(indices::all);
    }

    /** One run of the once-a-minute interconnection job. */
    private Object interconnectionJob() {
        interconnections.enforceAll();
        return null;
    }

    /** The bytes this thread allocates while {@code work} runs. */
    private static long measure(String what, Supplier<Object> work) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        work.get();
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        LOG.infof("%s: %d KiB allocated", what, allocated / 1024);
        return allocated;
    }

    /**
     * Machines {@code from} (inclusive) to {@code to} of a tenant, each with {@link #PER_MACHINE} open findings (finding
     * n has severity n mod 4 and age bucket n / 4 mod 4: 1, 5, 10 or 60 days) and 16 closed ones that never count.
     */
    private void machines(String tenant, int from, int to) {
        sql("INSERT INTO machine (id, tenant_id, name, addresses, listening, last_sequence, updated_at) "
                + "SELECT gen_random_uuid(), '" + tenant + "', '" + tenant + "-scale-' || m, '[]', '[]', 0, now() "
                + "FROM generate_series(" + from + ", " + (to - 1) + ") m");
        sql("INSERT INTO finding (tenant_id, machine_id, advisory_id, package_name, installed, action, state, "
                + "opened_at, updated_at) SELECT m.tenant_id, m.id, 'SCALE-' || (n % 4), 'pkg-' || n, '1', 'PATCH', "
                + "'OPEN', now() - (ARRAY[1, 5, 10, 60])[(n / 4) % 4 + 1] * interval '1 day', now() FROM machine m, "
                + "generate_series(0, " + (PER_MACHINE - 1) + ") n WHERE m.tenant_id = '" + tenant + "' "
                + "AND m.name LIKE '" + tenant + "-scale-%' AND substring(m.name from '[0-9]+$')::int >= " + from);
        sql("INSERT INTO finding (tenant_id, machine_id, advisory_id, package_name, installed, action, state, "
                + "opened_at, updated_at, closed_at) SELECT m.tenant_id, m.id, 'SCALE-0', 'closed-' || n, '1', "
                + "'PATCH', 'PATCHED', now() - interval '90 days', now(), now() FROM machine m, "
                + "generate_series(0, 15) n WHERE m.tenant_id = '" + tenant + "' "
                + "AND substring(m.name from '[0-9]+$')::int >= " + from);
        // every machine's agent is a sensor, last heard of a day ago: each is a silent detector
        sql("INSERT INTO detector_seen (agent_id, tenant_id, last_seen_at) SELECT m.id, m.tenant_id, now() - "
                + "interval '1 day' FROM machine m WHERE m.tenant_id = '" + tenant + "' AND m.name LIKE '" + tenant
                + "-scale-%' AND substring(m.name from '[0-9]+$')::int >= " + from);
    }

    private void sql(String statement) {
        QuarkusTransaction.requiringNew()
                .run(() -> entityManager.createNativeQuery(statement).executeUpdate());
    }
}
