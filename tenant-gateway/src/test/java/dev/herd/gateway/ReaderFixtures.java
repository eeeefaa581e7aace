package dev.herd.gateway;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.herd.contracts.input.TextDeserializer;
import java.lang.reflect.Proxy;

/** The ObjectMapper and body limits the gateway's readers get in the running service, for tests without Quarkus. */
public final class ReaderFixtures {

    /** {@code herd.input.max-text-length}'s default. */
    private static final int MAX_TEXT = 65_536;

    private ReaderFixtures() {}

    /** Quarkus's ObjectMapper as the gateway customises it: unknown fields ignored, the text limits of contracts. */
    public static ObjectMapper json() {
        return JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .findAndAddModules()
                .addModule(new SimpleModule("herd-text-limits")
                        .addDeserializer(String.class, new TextDeserializer(MAX_TEXT)))
                .build();
    }

    /** The gateway's settings with the default body limits; any other setting is not for readers. */
    public static GatewayConfig config() {
        return (GatewayConfig) Proxy.newProxyInstance(
                GatewayConfig.class.getClassLoader(),
                new Class<?>[] {GatewayConfig.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "reports" -> (GatewayConfig.Reports) () -> 8_388_608L;
                    case "monitor" -> (GatewayConfig.Monitor) () -> 4_194_304L;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
