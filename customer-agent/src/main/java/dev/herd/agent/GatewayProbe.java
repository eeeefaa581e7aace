package dev.herd.agent;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Asks the tenant gateway whether it is ready, and says why not when it is not. */
public class GatewayProbe implements HealthCheck {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final URI readiness;
    private final HttpClient http;

    public GatewayProbe(URI gateway) {
        this(gateway, HttpClient.newBuilder().connectTimeout(TIMEOUT).build());
    }

    /** Probes over {@code http}, e.g. the pinned-CA transport. */
    public GatewayProbe(URI gateway, HttpClient http) {
        this.readiness = gateway.resolve("/q/health/ready");
        this.http = http;
    }

    /** {@code null} when the gateway answers ready, otherwise the reason it is not reachable or not ready. */
    @Override
    public String problem() {
        try {
            HttpResponse<Void> response = http.send(
                    HttpRequest.newBuilder(readiness).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200 ? null : "gateway not ready (HTTP " + response.statusCode() + ")";
        } catch (IOException e) {
            return "gateway unreachable: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
