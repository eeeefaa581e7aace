package dev.herd.agent.packaging;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A stand-in gateway for the installed service: enrols anyone as agent a-1 of acme and answers readiness. */
record EnrolmentGateway(HttpServer server, AtomicReference<String> received) {

    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]*)\"");

    static EnrolmentGateway start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        EnrolmentGateway gateway = new EnrolmentGateway(server, new AtomicReference<>(""));
        server.createContext("/agent/enrol", exchange -> {
            gateway.received.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            answer(exchange, 201, "{\"agentId\":\"a-1\",\"tenantId\":\"acme\",\"credential\":\"a-1:s3cret\"}");
        });
        server.createContext("/", exchange -> answer(exchange, 200, "{}"));
        server.start();
        return gateway;
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The enrolment token the agent sent, empty before it enrolled. */
    String token() {
        Matcher token = TOKEN.matcher(received.get());
        return token.find() ? token.group(1) : "";
    }

    void stop() {
        server.stop(0);
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
