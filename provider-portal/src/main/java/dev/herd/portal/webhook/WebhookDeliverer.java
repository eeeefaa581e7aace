package dev.herd.portal.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Posts due webhook deliveries, signed (Standard Webhooks), all of a batch at once so that one slow receiver does not
 * hold up the others; a 2xx answer delivers, anything else is retried with exponential backoff up to
 * {@code max-attempts}. Redirects are not followed.
 */
@ApplicationScoped
public class WebhookDeliverer {

    private static final int MAX_ERROR = 500;

    private final DeliveryRepository deliveries;
    private final WebhookConfig config;
    private final HttpClient http;

    public WebhookDeliverer(DeliveryRepository deliveries, WebhookConfig config) {
        this.deliveries = deliveries;
        this.config = config;
        this.http = HttpClient.newBuilder()
                .connectTimeout(config.httpTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Posts one batch of due deliveries and records each attempt; answers how many were tried. */
    public int deliverDue() {
        List<DeliveryRepository.DueDelivery> due = deliveries.claim(config.batchSize(), config.lease());
        List<CompletableFuture<Void>> posts = due.stream()
                .map(d -> post(d).thenAccept(outcome -> record(d, outcome)))
                .toList();
        CompletableFuture.allOf(posts.toArray(CompletableFuture[]::new)).join();
        return due.size();
    }

    private CompletableFuture<DeliveryRepository.AttemptOutcome> post(DeliveryRepository.DueDelivery delivery) {
        Instant start = Instant.now();
        HttpRequest request;
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(delivery.url()))
                    .timeout(config.httpTimeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "Herd-Webhooks/1")
                    .POST(HttpRequest.BodyPublishers.ofString(delivery.payload()));
            WebhookSigner.headers(delivery.secret(), delivery.id(), delivery.payload(), start)
                    .forEach(builder::header);
            request = builder.build();
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(outcome(start, null, error(e)));
        }
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .handle((response, failure) -> failure != null
                        ? outcome(start, null, error(failure))
                        : outcome(
                                start,
                                response.statusCode(),
                                response.statusCode() / 100 == 2 ? null : "HTTP " + response.statusCode()));
    }

    private void record(DeliveryRepository.DueDelivery delivery, DeliveryRepository.AttemptOutcome outcome) {
        int attempt = delivery.attempts() + 1;
        deliveries.record(
                delivery.id(),
                attempt,
                outcome,
                config.maxAttempts(),
                outcome.at().plus(backoff(attempt)));
    }

    /** The pause after attempt {@code attempt}: {@code first-retry}, doubling, at most {@code longest-retry}. */
    Duration backoff(int attempt) {
        Duration wait = config.firstRetry().multipliedBy(1L << Math.min(attempt - 1, 20));
        return wait.compareTo(config.longestRetry()) > 0 ? config.longestRetry() : wait;
    }

    private static DeliveryRepository.AttemptOutcome outcome(Instant start, Integer status, String error) {
        Instant end = Instant.now();
        return new DeliveryRepository.AttemptOutcome(end, status, error, (int)
                Math.min(Integer.MAX_VALUE, Duration.between(start, end).toMillis()));
    }

    private static String error(Throwable failure) {
        Throwable cause = failure.getCause() != null && failure instanceof java.util.concurrent.CompletionException
                ? failure.getCause()
                : failure;
        String text = cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        return text.length() > MAX_ERROR ? text.substring(0, MAX_ERROR) : text;
    }
}
