package dev.herd.contracts.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness check {@code subscriptions}: DOWN while any consumer of any subscription is not consuming; its data
 * names every subscription with its state ({@code "portal-evidence": "restarting after OutOfMemoryError: …"}).
 */
@Readiness
@ApplicationScoped
public class SubscriptionReadiness implements HealthCheck {

    private final SubscriptionRunner runner;

    public SubscriptionReadiness(SubscriptionRunner runner) {
        this.runner = runner;
    }

    @Override
    public HealthCheckResponse call() {
        Map<String, List<SupervisedConsumer>> bySubscription = runner.consumers().stream()
                .collect(Collectors.groupingBy(
                        SupervisedConsumer::subscription, LinkedHashMap::new, Collectors.toList()));
        HealthCheckResponseBuilder response =
                HealthCheckResponse.named("subscriptions").up();
        bySubscription.forEach((subscription, consumers) -> {
            if (consumers.stream().allMatch(SupervisedConsumer::consuming)) {
                response.withData(subscription, "consuming");
            } else {
                response.down().withData(subscription, state(consumers));
            }
        });
        return response.build();
    }

    /** The state of a subscription that is not wholly consuming: its one consumer's, or each troubled one's. */
    private static String state(List<SupervisedConsumer> consumers) {
        if (consumers.size() == 1) {
            return consumers.getFirst().state();
        }
        return consumers.stream()
                .filter(consumer -> !consumer.consuming())
                .map(consumer -> "consumer " + consumer.number() + " of " + consumers.size() + " " + consumer.state())
                .collect(Collectors.joining("; "));
    }
}
