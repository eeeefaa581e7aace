package dev.herd.portal;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.herd.testing.EmbeddedArtemisResource;
import dev.herd.testing.ServiceContractTest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(EmbeddedArtemisResource.class)
class PortalServiceTest extends ServiceContractTest {

    @Override
    protected String protectedPath() {
        return "/api/tenants";
    }

    @Override
    protected boolean hasSchemaValidator2() {
        return false;
    }

    /** The same check as the contract's, with the 1.5 API of json-schema-validator that cyclonedx-core-java pins. */
    @Test
    void openApiIsAValidOpenApi31DocumentByTheValidatorThePortalHas() throws Exception {
        String json = given().get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        try (InputStream schema = getClass().getResourceAsStream("/openapi/oas-3.1-schema.json")) {
            JsonSchema oas = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(schema);
            assertEquals(
                    List.of(),
                    oas.validate(new ObjectMapper().readTree(json)).stream()
                            .map(Object::toString)
                            .toList());
        }
    }
}
