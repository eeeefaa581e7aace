package dev.herd.gateway.delivery.replica;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness check {@code replica-changes}: DOWN while this gateway does not hear the other replicas' changes (its
 * agents' long-polls would then wait their whole time for a bundle another replica stored).
 */
@Readiness
@ApplicationScoped
public class ReplicaChangeReadiness implements HealthCheck {

    private final ReplicaChangeListener listener;

    public ReplicaChangeReadiness(ReplicaChangeListener listener) {
        this.listener = listener;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("replica-changes")
                .status(listener.listening())
                .withData("state", listener.state())
                .withData("received", listener.received())
                .build();
    }
}
