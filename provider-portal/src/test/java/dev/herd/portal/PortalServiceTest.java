package dev.herd.portal;

import dev.herd.testing.EmbeddedArtemisResource;
import dev.herd.testing.ServiceContractTest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(EmbeddedArtemisResource.class)
class PortalServiceTest extends ServiceContractTest {

    @Override
    protected String protectedPath() {
        return "/api/tenants";
    }
}
