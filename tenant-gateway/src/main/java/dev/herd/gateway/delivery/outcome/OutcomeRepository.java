package dev.herd.gateway.delivery.outcome;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Persistence of apply outcomes. */
@ApplicationScoped
public class OutcomeRepository implements PanacheRepositoryBase<StoredOutcome, UUID> {}
