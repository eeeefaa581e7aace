package dev.herd.gateway.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.herd.contracts.inventory.MachineInventory;
import dev.herd.contracts.problem.HerdException;
import dev.herd.gateway.ReaderFixtures;
import dev.herd.gateway.agent.Agent;
import java.io.CharConversionException;
import java.io.IOException;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Jazzer target for {@code POST /agent/reports}'s reader: any body is refused as a 4xx problem (or as malformed JSON, a
 * 400) or read into a report that is cut down to the inventory message without failing, as the intake then does.
 */
class ReportReaderFuzzTest {

    private static final ReportReader READER = new ReportReader(ReaderFixtures.json(), ReaderFixtures.config());

    @FuzzTest
    void reports(byte[] body) throws IOException {
        ReportReader.Parsed parsed;
        try {
            parsed = READER.read(body);
        } catch (JsonProcessingException | CharConversionException malformed) {
            // Both answered 400 malformed-json by ProblemDetailsMapper.
            return;
        } catch (HerdException refused) {
            assertTrue(refused.status() >= 400 && refused.status() < 500, refused::toString);
            return;
        }
        assertIntakeCanUse(parsed.submission());
    }

    @Test
    void aFullReportWithoutPackagesFailsTheProperty() {
        ReportSubmission noPackages = new ReportSubmission(
                1L,
                "FULL",
                new ReportSubmission.Report(
                        new ReportSubmission.Os("debian", "12", "amd64", "h"),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null),
                null);
        assertThrows(RuntimeException.class, () -> assertIntakeCanUse(noPackages));
    }

    static void assertIntakeCanUse(ReportSubmission s) {
        assertTrue(s.sequence() >= 1, s::toString);
        Agent agent = new Agent();
        agent.id = UUID.randomUUID();
        agent.tenantId = "acme";
        agent.machineId = "machine";
        agent.hostname = "host";
        MachineInventory inventory = InventoryMapper.of(agent, s, Instant.EPOCH);
        assertEquals(s.kind(), inventory.kind().name());
        inventory
                .packages()
                .forEach(p -> assertTrue(!p.name().isBlank() && !p.version().isBlank(), p::toString));
    }
}
