package dev.herd.gateway.admission;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.herd.gateway.isolation.IsolatingDevice;
import dev.herd.gateway.isolation.Machine;
import dev.herd.gateway.isolation.RecordingDevice;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A restarted gateway isolates again every machine whose admission is not released, and only those. */
@QuarkusTest
@TestProfile(QuarantineRestoreProfile.class)
class QuarantineRestoreTest {

    @Inject
    IsolatingDevice device;

    @Inject
    QuarantineRestorer restorer;

    @AfterEach
    void clean() {
        ((RecordingDevice) device).clear();
    }

    @Test
    void openQuarantinesAreAppliedAgainAtStartAndOnlyThose() {
        RecordingDevice recorded = (RecordingDevice) device;
        List<RecordingDevice.Call> open = List.of(
                new RecordingDevice.Call("QUARANTINE", Machine.of("52:54:00:00:00:01", "10.20.0.1"), "quarantine"),
                new RecordingDevice.Call("QUARANTINE", Machine.of("52:54:00:00:00:02", null), "quarantine"));
        assertEquals(open, recorded.calls(), "the quarantined and the held machine, not the released one");
        recorded.clear();
        assertEquals(0, restorer.restore(), "the recording device refuses nothing");
        assertEquals(open, recorded.calls(), "restoring again applies the same quarantines");
    }
}
