package dev.herd.gateway.monitor;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.herd.contracts.monitor.MonitorRecords.FlowRecord;
import dev.herd.contracts.problem.HerdException;
import dev.herd.gateway.ReaderFixtures;
import java.io.ByteArrayInputStream;
import java.io.CharConversionException;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Jazzer target for {@code POST /agent/flows}'s reader: any body is refused as a 4xx problem (or as malformed JSON, a
 * 400) or read into flow records that are all storable: addresses, a known protocol, a port where tcp/udp need one,
 * bytes not negative, a time PostgreSQL can hold, a signature without NUL.
 */
class FlowReaderFuzzTest {

    private static final FlowReader READER = new FlowReader(ReaderFixtures.json(), ReaderFixtures.config());
    /** PostgreSQL's {@code timestamptz} range: the column the records are stored in. */
    private static final Instant EARLIEST = Instant.parse("-4713-11-24T00:00:00Z");

    private static final Instant LATEST = Instant.parse("+294276-12-31T23:59:59.999999Z");

    private static final Set<String> PROTOCOLS = Set.of("tcp", "udp", "icmp", "other");

    @FuzzTest
    void flows(byte[] body) throws IOException {
        List<FlowRecord> records;
        try {
            records = READER.read(new ByteArrayInputStream(body));
        } catch (JsonProcessingException | CharConversionException malformed) {
            // Both answered 400 malformed-json by ProblemDetailsMapper.
            return;
        } catch (HerdException refused) {
            assertTrue(refused.status() >= 400 && refused.status() < 500, refused::toString);
            return;
        }
        records.forEach(FlowReaderFuzzTest::assertStorable);
    }

    @Test
    void aRecordWithoutAProtocolFailsTheProperty() {
        FlowRecord record = new FlowRecord(Instant.EPOCH, "192.0.2.1", "192.0.2.2", null, 22, 0, null);
        assertThrows(AssertionError.class, () -> assertStorable(record));
    }

    static void assertStorable(FlowRecord r) {
        assertNotNull(r.time(), r::toString);
        assertNotNull(r.source(), r::toString);
        assertNotNull(r.destination(), r::toString);
        assertTrue(r.protocol() != null && PROTOCOLS.contains(r.protocol()), r::toString);
        if (r.protocol().equals("tcp") || r.protocol().equals("udp")) {
            assertNotNull(r.port(), r::toString);
        }
        assertTrue(r.port() == null || (r.port() >= 0 && r.port() <= 65535), r::toString);
        assertTrue(r.bytes() >= 0, r::toString);
        assertTrue(!r.time().isBefore(EARLIEST) && !r.time().isAfter(LATEST), () -> "not a timestamptz: " + r);
        assertFalse(r.signature() != null && r.signature().indexOf('\0') >= 0, () -> "NUL in signature: " + r);
    }
}
