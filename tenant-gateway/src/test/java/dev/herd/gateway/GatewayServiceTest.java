package dev.herd.gateway;

import dev.herd.testing.EmbeddedArtemisResource;
import dev.herd.testing.ServiceContractTest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Set;

@QuarkusTest
@QuarkusTestResource(EmbeddedArtemisResource.class)
class GatewayServiceTest extends ServiceContractTest {

    @Override
    protected String protectedPath() {
        return "/api/agents";
    }

    /** An agent without a credential yet enrols with a one-time token in the body (rate-limited per address). */
    @Override
    protected Set<String> publicOperations() {
        return Set.of("POST /agent/enrol");
    }
}
