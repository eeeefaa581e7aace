package dev.herd.agent.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

/**
 * Posts JSON to and gets JSON from the tenant gateway; with a credential every request is signed as the gateway's agent API requires:
 * {@code Authorization: Agent ID:SECRET}, {@code X-Herd-Timestamp} (epoch seconds) and a fresh {@code X-Herd-Nonce}.
 */
public class GatewayClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI gateway;
    private final Clock clock;
    private final HttpClient http;

    /** A client with the JDK's defaults: plain HTTP (tests) or HTTPS trusting the JDK's CAs. */
    public GatewayClient(URI gateway, Clock clock) {
        this(
                gateway,
                clock,
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
    }

    /** A client over {@code http}, e.g. the pinned-CA transport of {@code dev.herd.agent.tls.GatewayTransport}. */
    public GatewayClient(URI gateway, Clock clock, HttpClient http) {
        this.gateway = gateway;
        this.clock = clock;
        this.http = http;
    }

    public URI gateway() {
        return gateway;
    }

    /**
     * Posts {@code body} to {@code path}; {@code credential} ({@code ID:SECRET}) may be null for enrolment.
     *
     * @throws IOException when the gateway cannot be reached or the connection breaks
     */
    public GatewayAnswer post(String path, byte[] body, String credential) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        return send(request, credential);
    }

    /**
     * Gets {@code path} (a long poll when it asks the gateway to wait: {@code timeout} must cover the wait) with
     * {@code If-None-Match: ifNoneMatch} when that is not null.
     *
     * @throws IOException when the gateway cannot be reached, the connection breaks or the timeout passes
     */
    public GatewayAnswer get(String path, String ifNoneMatch, String credential, Duration timeout) throws IOException {
        return get(path, ifNoneMatch, null, credential, timeout);
    }

    /**
     * As {@link #get(String, String, String, Duration)}, also sending {@code A-IM: acceptedManipulation} (RFC 3229)
     * when that is not null: the agent accepts, for example, a delta against the revision it names.
     */
    public GatewayAnswer get(
            String path, String ifNoneMatch, String acceptedManipulation, String credential, Duration timeout)
            throws IOException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(uri(path)).timeout(timeout).GET();
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        if (acceptedManipulation != null) {
            request.header("A-IM", acceptedManipulation);
        }
        return send(request, credential);
    }

    private URI uri(String path) {
        return URI.create(gateway.toString().replaceAll("/+$", "") + path);
    }

    private GatewayAnswer send(HttpRequest.Builder request, String credential) throws IOException {
        request.header("Accept", "application/json");
        if (credential != null) {
            request.header("Authorization", "Agent " + credential)
                    .header("X-Herd-Timestamp", Long.toString(clock.instant().getEpochSecond()))
                    .header("X-Herd-Nonce", UUID.randomUUID().toString());
        }
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new GatewayAnswer(
                    response.statusCode(),
                    parse(response.body()),
                    response.headers().firstValue("ETag").orElse(null));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static JsonNode parse(byte[] body) {
        try {
            return body == null || body.length == 0 ? null : JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    /** A one-line reason for an unreachable gateway. */
    public static String unreachable(IOException e) {
        return "gateway unreachable: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
}
