package dev.herd.gateway.outage;

import dev.herd.testing.RestartableArtemisResource;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/** A gateway on a broker that the test stops and restarts, with a quick outbox relay. */
public class BrokerOutageProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("herd.outbox.interval", "200ms");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(RestartableArtemisResource.class));
    }

    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }
}
