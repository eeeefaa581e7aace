package dev.herd.contracts.inbox;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.jms.ConnectionFactory;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Runs every {@link MessageHandler}'s subscription from start to shutdown: {@link MessageHandler#consumers()}
 * {@link SupervisedConsumer}s each, every one on its own worker thread, restarted whenever that thread ends.
 */
@ApplicationScoped
public class SubscriptionRunner {

    private static final Duration STOP_WAIT = Duration.ofSeconds(5);

    private final ConnectionFactory connections;
    private final Instance<MessageHandler> handlers;
    private final Inbox inbox;
    private final SubscriptionsConfig config;
    private final List<SupervisedConsumer> consumers = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService restarts = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("subscription-restarts").daemon().factory());

    public SubscriptionRunner(
            ConnectionFactory connections, Instance<MessageHandler> handlers, Inbox inbox, SubscriptionsConfig config) {
        this.connections = connections;
        this.handlers = handlers;
        this.inbox = inbox;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        for (MessageHandler handler : handlers) {
            SubscriptionConsumer consumer = new SubscriptionConsumer(connections, inbox, handler);
            for (int number = 1; number <= Math.max(1, handler.consumers()); number++) {
                consumers.add(new SupervisedConsumer(
                        handler, number, consumer, new RestartBackoff(config.restart()), restarts));
            }
        }
        consumers.forEach(SupervisedConsumer::start);
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        consumers.forEach(SupervisedConsumer::stop);
        restarts.shutdownNow();
        for (SupervisedConsumer consumer : consumers) {
            consumer.awaitStopped(STOP_WAIT);
        }
    }

    /** Every consumer of every subscription, in subscription order. */
    List<SupervisedConsumer> consumers() {
        return List.copyOf(consumers);
    }
}
