package dev.herd.gateway.delivery.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Tenants that move together ask for their full bundles at different revisions, each always at the same one. */
class DeltasBeforeFullTest {

    @Test
    void aHundredTenantsSpreadOverTheRangeEachAtAFixedCount() {
        Set<Integer> counts = new TreeSet<>();
        IntStream.range(0, 100).forEach(i -> {
            int count = RuleBundleIntake.deltasBeforeFull("immu-7-t" + i, 100, 0.5);
            assertTrue(count >= 100 && count < 150, "tenant " + i + ": " + count);
            assertEquals(count, RuleBundleIntake.deltasBeforeFull("immu-7-t" + i, 100, 0.5));
            counts.add(count);
        });
        assertTrue(counts.size() >= 30, "100 tenants share only " + counts.size() + " counts: " + counts);
    }

    @Test
    void noSpreadIsTheCountItself() {
        assertEquals(100, RuleBundleIntake.deltasBeforeFull("acme", 100, 0));
        assertEquals(5, RuleBundleIntake.deltasBeforeFull("globex", 5, 0));
        assertEquals(100, RuleBundleIntake.deltasBeforeFull("acme", 100, -1), "a negative spread is none");
    }
}
