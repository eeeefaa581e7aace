package dev.herd.gateway.admission;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;

/** A gateway started over admissions an earlier run left open. */
public class QuarantineRestoreProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(OpenQuarantinesResource.class));
    }
}
