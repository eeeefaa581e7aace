package dev.herd.hub.taxii;

import dev.herd.hub.community.CommunityRepository;
import dev.herd.hub.stix.HerdIdentity;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Brings the TAXII collection up to date at start: Herd's identity and the TLP:GREEN marking, and the indicator of
 * every community advisory made before the collection existed (or changed while it was not published).
 */
@ApplicationScoped
public class TaxiiCatalogue {

    private final TaxiiPublisher publisher;
    private final CommunityRepository community;

    public TaxiiCatalogue(TaxiiPublisher publisher, CommunityRepository community) {
        this.publisher = publisher;
        this.community = community;
    }

    void onStart(@Observes StartupEvent start) {
        catchUp();
    }

    /** Publishes whatever the collection lacks; what it serves already is left as it is. */
    public void catchUp() {
        QuarkusTransaction.requiringNew().run(() -> {
            publisher.publishFixed(HerdIdentity.tlpGreen());
            publisher.publishFixed(HerdIdentity.identity());
        });
        for (String id : QuarkusTransaction.requiringNew().call(community::ids)) {
            QuarkusTransaction.requiringNew().run(() -> publisher.publishCommunity(id));
        }
    }
}
