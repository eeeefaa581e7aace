package dev.herd.gateway.delivery;

import dev.herd.contracts.delivery.PatchPlan;
import dev.herd.contracts.delivery.RuleBundle;
import dev.herd.gateway.GatewayConfig;
import dev.herd.gateway.delivery.plans.PatchPlanIntake;
import dev.herd.gateway.delivery.rules.RuleBundleIntake;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.jms.ConnectionFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads rule bundles and patch plans from Artemis from start to shutdown: one durable shared subscription per address,
 * named after this gateway ({@code herd.gateway.delivery.subscription}), each on its own thread.
 */
@ApplicationScoped
public class DeliverySubscriber {

    private final ConnectionFactory connections;
    private final RuleBundleIntake bundles;
    private final PatchPlanIntake plans;
    private final DeadLetters deadLetters;
    private final GatewayConfig config;
    private final List<Subscription> subscriptions = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();

    public DeliverySubscriber(
            ConnectionFactory connections,
            RuleBundleIntake bundles,
            PatchPlanIntake plans,
            DeadLetters deadLetters,
            GatewayConfig config) {
        this.connections = connections;
        this.bundles = bundles;
        this.plans = plans;
        this.deadLetters = deadLetters;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        subscribe(RuleBundle.ADDRESS, "rule-bundles", bundles::take);
        subscribe(PatchPlan.ADDRESS, "patch-plans", plans::take);
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        subscriptions.forEach(Subscription::stop);
        for (Thread thread : threads) {
            thread.join(5_000);
            if (thread.isAlive()) {
                thread.interrupt();
            }
        }
    }

    private void subscribe(String address, String suffix, Consumer<String> handler) {
        GatewayConfig.Delivery delivery = config.delivery();
        String name = delivery.subscription() + "." + suffix;
        Subscription subscription = new Subscription(
                connections, address, name, handler, deadLetters, delivery.storeAttempts(), delivery.maxBackoff());
        subscriptions.add(subscription);
        threads.add(Thread.ofPlatform().name("herd-" + name).daemon().start(subscription));
    }
}
