package dev.herd.gateway.delivery;

import dev.herd.contracts.problem.HerdException;
import dev.herd.gateway.GatewayConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Conditional GET with long-poll for agents: answers at once when the agent's {@code If-None-Match} is not the current
 * ETag, else waits up to {@code ?wait=} seconds for a change. A waiting request holds no thread: it is a future in a
 * {@link ChangeNotifier}, completed on change or by the JDK's delay scheduler; the state is then read again on a
 * worker thread.
 */
@ApplicationScoped
public class LongPoll {

    /**
     * What the agent may receive now: the ETag and body, or nothing yet (answered 204); the status and extra headers of
     * a fresh answer (200 and none, unless the body is for example a delta: 226 with {@code IM}, RFC 3229).
     */
    public record Snapshot(Optional<String> etag, Object body, int status, Map<String, String> headers) {

        public static Snapshot none() {
            return new Snapshot(Optional.empty(), null, 204, Map.of());
        }

        public static Snapshot of(String etag, Object body) {
            return new Snapshot(Optional.of(etag), body, 200, Map.of());
        }

        public static Snapshot of(String etag, Object body, int status, Map<String, String> headers) {
            return new Snapshot(Optional.of(etag), body, status, Map.copyOf(headers));
        }

        /** Whether the agent already holds this (or there is still nothing to hold). */
        boolean known(Set<String> held) {
            return etag.map(tag -> held.contains(tag) || held.contains("*")).orElse(true);
        }

        Response response(Set<String> held) {
            if (etag.isEmpty()) {
                return Response.noContent().build();
            }
            if (known(held)) {
                return Response.notModified()
                        .header(HttpHeaders.ETAG, etag.get())
                        .build();
            }
            Response.ResponseBuilder answer = Response.status(status)
                    .entity(body)
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .header(HttpHeaders.ETAG, etag.get());
            headers.forEach(answer::header);
            return answer.build();
        }
    }

    private final GatewayConfig config;

    public LongPoll(GatewayConfig config) {
        this.config = config;
    }

    /** The {@code wait} query parameter as a duration: seconds from 0 to the configured maximum, 0 when absent. */
    public Duration waitOf(String wait) {
        int max = config.delivery().maxWaitSeconds();
        if (wait == null || wait.isBlank()) {
            return Duration.ZERO;
        }
        try {
            int seconds = Integer.parseInt(wait.trim());
            if (seconds >= 0 && seconds <= max) {
                return Duration.ofSeconds(seconds);
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw HerdException.badRequest(
                "wait-invalid", "wait must be a whole number of seconds from 0 to " + max + ", not '" + wait + "'.");
    }

    /** The entity tags of an {@code If-None-Match} header ({@code "a", W/"b"} or {@code *}); weak tags compare equal. */
    public static Set<String> held(String ifNoneMatch) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(ifNoneMatch.split(","))
                .map(String::trim)
                .map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
                .filter(tag -> !tag.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** A strong tag for exactly this list of ids in this order: {@code "<prefix>-<SHA-256 prefix>"}. */
    public static String etag(String prefix, List<?> ids) {
        String joined = ids.stream().map(String::valueOf).collect(Collectors.joining(","));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(joined.getBytes(StandardCharsets.UTF_8));
            return "\"" + prefix + "-" + HexFormat.of().formatHex(digest, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /**
     * Answers from {@code read} (called in its own transaction, on a worker thread): at once when the agent lacks the
     * current state or {@code wait} is zero, else at the first change of {@code key} or when {@code wait} has passed.
     */
    public <K> Uni<Response> answer(
            ChangeNotifier<K> notifier, K key, Set<String> held, Duration wait, Supplier<Snapshot> read) {
        CompletableFuture<Void> change = notifier.next(key);
        Snapshot now = QuarkusTransaction.requiringNew().call(read::get);
        if (!now.known(held) || wait.isZero()) {
            notifier.forget(key, change);
            return Uni.createFrom().item(now.response(held));
        }
        return Uni.createFrom()
                .completionStage(change.completeOnTimeout(null, wait.toMillis(), TimeUnit.MILLISECONDS))
                .onTermination()
                .invoke(() -> notifier.forget(key, change))
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(ignored ->
                        QuarkusTransaction.requiringNew().call(read::get).response(held));
    }
}
