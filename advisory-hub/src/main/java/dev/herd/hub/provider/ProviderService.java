package dev.herd.hub.provider;

import dev.herd.contracts.problem.HerdException;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/** Registers advisory providers and their trust tier. */
@ApplicationScoped
public class ProviderService {

    private final ProviderRepository providers;

    public ProviderService(ProviderRepository providers) {
        this.providers = providers;
    }

    public List<ProviderView> list() {
        return providers.listAll(Sort.by("id")).stream().map(ProviderView::of).toList();
    }

    public ProviderView get(String id) {
        return providers
                .findByIdOptional(id)
                .map(ProviderView::of)
                .orElseThrow(() -> HerdException.notFound("provider-not-found", "No provider '" + id + "'."));
    }

    @Transactional
    public ProviderView register(NewProvider request) {
        if (providers.findByIdOptional(request.id()).isPresent()) {
            throw HerdException.conflict("provider-exists", "Provider '" + request.id() + "' already exists.");
        }
        Provider provider = new Provider();
        provider.id = request.id();
        provider.displayName =
                request.displayName() == null || request.displayName().isBlank()
                        ? request.id()
                        : request.displayName().strip();
        provider.trustTier = request.trustTier().shortValue();
        provider.createdAt = Instant.now();
        providers.persist(provider);
        return ProviderView.of(provider);
    }
}
