package dev.herd.gateway.delivery.replica;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** This gateway process among its replicas: a random id, new at each start, that its own notifications carry. */
@ApplicationScoped
public class ReplicaIdentity {

    private final UUID id = UUID.randomUUID();

    public UUID id() {
        return id;
    }
}
