package dev.herd.recovery;

import dev.herd.testing.EmbeddedArtemisResource;
import dev.herd.testing.ServiceContractTest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(EmbeddedArtemisResource.class)
class RecoveryServiceTest extends ServiceContractTest {

    @Override
    protected String protectedPath() {
        return "/api/orders";
    }
}
