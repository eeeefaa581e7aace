package dev.herd.hub.provider;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** Persistence of advisory providers. */
@ApplicationScoped
public class ProviderRepository implements PanacheRepositoryBase<Provider, String> {}
