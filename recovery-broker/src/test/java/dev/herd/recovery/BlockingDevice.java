package dev.herd.recovery;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * An isolating device behind a webhook, idempotent by {@code Idempotency-Key} as drivers require. Its first call takes
 * effect and then hangs without answering until the test releases it, so the caller can be killed mid-order.
 */
final class BlockingDevice implements AutoCloseable {

    private final HttpServer server;
    private final List<String> keys = new CopyOnWriteArrayList<>();
    private final Set<String> applied = ConcurrentHashMap.newKeySet();
    private final CountDownLatch firstCall = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    BlockingDevice() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/isolate", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/isolate";
    }

    private void handle(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        keys.add(String.valueOf(key));
        boolean fresh = key != null && applied.add(key);
        if (firstCall.getCount() > 0) {
            firstCall.countDown();
            await(release);
        }
        byte[] body =
                ("{\"detail\":\"" + (fresh ? "isolated" : "already isolated") + "\"}").getBytes(StandardCharsets.UTF_8);
        try {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        } catch (IOException e) {
            // The caller is gone (killed while we hung): nothing to answer.
        } finally {
            exchange.close();
        }
    }

    boolean awaitFirstCall(long seconds) throws InterruptedException {
        return firstCall.await(seconds, TimeUnit.SECONDS);
    }

    void releaseFirstCall() {
        release.countDown();
    }

    /** Every Idempotency-Key received, in order. */
    List<String> keys() {
        return List.copyOf(keys);
    }

    /** The keys whose effect was applied (once each). */
    Set<String> applied() {
        return Set.copyOf(applied);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
    }
}
