package dev.herd.gateway.delivery.replica;

import dev.herd.gateway.delivery.plans.PatchPlanChanges;
import dev.herd.gateway.delivery.rules.RuleBundleChanges;
import dev.herd.gateway.recovery.RecoveryResults;
import dev.herd.gateway.recovery.RecoveryTaskChanges;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Wakes this replica's long-polls for changes other gateway replicas committed: one thread holds its own PostgreSQL
 * connection, {@code LISTEN}s on {@value ReplicaChangePublisher#CHANNEL} and hands each foreign change to its
 * notifier. A lost connection is opened again with backoff (1 s doubling to 30 s); after a reconnect every waiting
 * long-poll is woken once, since changes may have been missed meanwhile. {@link #listening()} feeds readiness.
 */
@ApplicationScoped
public class ReplicaChangeListener {

    private static final Logger LOG = Logger.getLogger(ReplicaChangeListener.class);
    private static final int POLL_MILLIS = 500;
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final ReplicaIdentity identity;
    private final RuleBundleChanges ruleBundles;
    private final PatchPlanChanges patchPlans;
    private final RecoveryTaskChanges recoveryTasks;
    private final RecoveryResults recoveryResults;
    private final String url;
    private final String user;
    private final String password;
    private volatile boolean running;
    private volatile boolean listening;
    private volatile String state = "not started";
    private volatile long received;
    private Thread thread;

    public ReplicaChangeListener(
            ReplicaIdentity identity,
            RuleBundleChanges ruleBundles,
            PatchPlanChanges patchPlans,
            RecoveryTaskChanges recoveryTasks,
            RecoveryResults recoveryResults,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") String user,
            @ConfigProperty(name = "quarkus.datasource.password") String password) {
        this.identity = identity;
        this.ruleBundles = ruleBundles;
        this.patchPlans = patchPlans;
        this.recoveryTasks = recoveryTasks;
        this.recoveryResults = recoveryResults;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    void start(@Observes StartupEvent event) {
        running = true;
        thread = Thread.ofPlatform().daemon().name("replica-change-listener").start(this::run);
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.interrupt();
            thread.join(Duration.ofSeconds(5));
        }
    }

    /** Whether notifications of the other replicas reach this one now. */
    public boolean listening() {
        return listening;
    }

    /** What the listener is doing: {@code listening}, or why not. */
    public String state() {
        return state;
    }

    /** Foreign changes received since the start. */
    public long received() {
        return received;
    }

    private void run() {
        Duration backoff = FIRST_BACKOFF;
        boolean reconnect = false;
        while (running) {
            try (Connection connection = DriverManager.getConnection(url, user, password)) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + ReplicaChangePublisher.CHANNEL);
                }
                listening = true;
                state = "listening";
                backoff = FIRST_BACKOFF;
                if (reconnect) {
                    wakeEveryone();
                }
                reconnect = true;
                PGConnection notifications = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] batch = notifications.getNotifications(POLL_MILLIS);
                    if (batch != null) {
                        for (PGNotification notification : batch) {
                            take(notification.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                listening = false;
                state = "reconnecting in " + backoff.toSeconds() + " s after " + e;
                if (running) {
                    LOG.warnf(
                            "Not listening for other gateway replicas' changes: %s; again in %d s",
                            e, backoff.toSeconds());
                    if (!sleep(backoff)) {
                        break;
                    }
                    backoff =
                            backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
                }
            }
        }
        listening = false;
        state = "stopped";
    }

    /** Hands one notification to its notifier, unless it is this replica's own or does not read. */
    void take(String payload) {
        ReplicaChange change = ReplicaChange.parse(payload).orElse(null);
        if (change == null) {
            LOG.debugf("Ignored a notification that does not read: %s", payload);
            return;
        }
        if (change.replica().equals(identity.id())) {
            return;
        }
        received++;
        try {
            switch (change.kind()) {
                case RULE_BUNDLE -> ruleBundles.changed(change.key());
                case PATCH_PLANS -> patchPlans.changed(UUID.fromString(change.key()));
                case RECOVERY_TASKS -> recoveryTasks.changed(UUID.fromString(change.key()));
                case RECOVERY_RESULT -> recoveryResults.changed(UUID.fromString(change.key()));
            }
        } catch (IllegalArgumentException e) {
            LOG.debugf("Ignored a notification whose key does not read: %s", payload);
        }
    }

    private void wakeEveryone() {
        ruleBundles.changedAll();
        patchPlans.changedAll();
        recoveryTasks.changedAll();
        recoveryResults.changedAll();
    }

    private static boolean sleep(Duration pause) {
        try {
            Thread.sleep(pause);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
