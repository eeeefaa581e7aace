package dev.herd.agent.apply.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.herd.agent.apply.DeliveryJson;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The gateway's delivery API as the agent sees it, on a local port: {@code GET /agent/rule-bundle} and
 * {@code GET /agent/patch-plans} with ETags and 304s, {@code POST /agent/outcomes} recording what arrives.
 */
final class FakeDeliveryGateway implements AutoCloseable {

    /** One request: method, path with query, and the headers the agent must send. */
    record Request(
            String method,
            String uri,
            String ifNoneMatch,
            String authorization,
            String timestamp,
            String nonce,
            String acceptedManipulation) {}

    private final HttpServer server;
    final List<Request> requests = new CopyOnWriteArrayList<>();
    final List<JsonNode> outcomes = new CopyOnWriteArrayList<>();
    volatile Object bundle;
    volatile long bundleRevision;
    /** 200 for a full bundle, 226 (IM Used) for a delta. */
    volatile int bundleStatus = 200;

    volatile List<?> plans = List.of();
    volatile String plansEtag = "\"plans-1\"";
    volatile boolean ignoreEtags;
    volatile int outcomeStatus = 200;

    FakeDeliveryGateway() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/agent/rule-bundle", this::ruleBundle);
        server.createContext("/agent/patch-plans", this::patchPlans);
        server.createContext("/agent/outcomes", this::outcome);
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    List<Request> requests(String path) {
        return requests.stream().filter(r -> r.uri().startsWith(path)).toList();
    }

    private void ruleBundle(HttpExchange exchange) throws IOException {
        record(exchange);
        if (bundle == null) {
            send(exchange, 204, null, null);
            return;
        }
        String etag = "\"" + bundleRevision + "\"";
        if (!ignoreEtags && etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
            send(exchange, 304, null, etag);
            return;
        }
        send(exchange, bundleStatus, DeliveryJson.MAPPER.writeValueAsBytes(bundle), etag);
    }

    private void patchPlans(HttpExchange exchange) throws IOException {
        record(exchange);
        if (!ignoreEtags && plansEtag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
            send(exchange, 304, null, plansEtag);
            return;
        }
        send(exchange, 200, DeliveryJson.MAPPER.writeValueAsBytes(plans), plansEtag);
    }

    private void outcome(HttpExchange exchange) throws IOException {
        record(exchange);
        byte[] body = exchange.getRequestBody().readAllBytes();
        if (outcomeStatus == 200) {
            outcomes.add(DeliveryJson.MAPPER.readTree(body));
            send(exchange, 200, "{}".getBytes(StandardCharsets.UTF_8), null);
        } else {
            send(exchange, outcomeStatus, "{\"code\":\"unavailable\"}".getBytes(StandardCharsets.UTF_8), null);
        }
    }

    private void record(HttpExchange exchange) {
        var headers = exchange.getRequestHeaders();
        requests.add(new Request(
                exchange.getRequestMethod(),
                exchange.getRequestURI().toString(),
                headers.getFirst("If-None-Match"),
                headers.getFirst("Authorization"),
                headers.getFirst("X-Herd-Timestamp"),
                headers.getFirst("X-Herd-Nonce"),
                headers.getFirst("A-IM")));
    }

    private static void send(HttpExchange exchange, int status, byte[] body, String etag) throws IOException {
        if (etag != null) {
            exchange.getResponseHeaders().add("ETag", etag);
        }
        if (body != null) {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
        }
        exchange.sendResponseHeaders(status, body == null ? -1 : body.length);
        if (body != null) {
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
