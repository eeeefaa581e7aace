package dev.herd.portal.advisory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herd.contracts.advisory.AdvisoryChanged;
import dev.herd.contracts.inbox.BadMessageException;
import dev.herd.contracts.inbox.MessageHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Keeps the portal's copy of every advisory the hub announces ({@link AdvisoryChanged}) and fires
 * {@link AdvisoryStored}: diagnosis re-diagnoses the machines that have one of its packages, or (an advisory without
 * packages, such as a community advisory) the machines it exposes; the file hashes of a community advisory go into
 * the attack database.
 */
@ApplicationScoped
public class AdvisoryConsumer implements MessageHandler {

    private final KnownAdvisoryRepository advisories;
    private final Event<AdvisoryStored> stored;
    private final DiagnosisLock lock;
    private final ObjectMapper json;

    public AdvisoryConsumer(
            KnownAdvisoryRepository advisories, Event<AdvisoryStored> stored, DiagnosisLock lock, ObjectMapper json) {
        this.advisories = advisories;
        this.stored = stored;
        this.lock = lock;
        this.json = json;
    }

    @Override
    public String address() {
        return AdvisoryChanged.ADDRESS;
    }

    @Override
    public String subscription() {
        return "portal-advisories";
    }

    @Override
    public void handle(String payload) {
        AdvisoryChanged changed = read(payload);
        lock.acquire(); // before the revision is taken: revisions then commit in order
        KnownAdvisory advisory = advisories.findById(changed.advisoryId());
        // The hub announces microseconds; a publisher announcing nanoseconds sees them rounded here by up to 1 µs.
        if (advisory != null && advisory.modifiedAt.isAfter(changed.modifiedAt().plus(1, ChronoUnit.MICROS))) {
            return; // an older announcement overtaken by a newer one
        }
        if (advisory == null) {
            advisory = new KnownAdvisory();
            advisory.id = changed.advisoryId();
        }
        advisory.title = changed.title();
        advisory.severity = changed.severity();
        advisory.cvssScore = changed.cvssScore() == null ? null : BigDecimal.valueOf(changed.cvssScore());
        advisory.knownExploited = changed.knownExploited();
        advisory.emergencyLevel = (short) changed.emergencyLevel();
        advisory.actionable = changed.actionable();
        advisory.withdrawn = changed.change() == AdvisoryChanged.Change.WITHDRAWN;
        advisory.aliases = changed.aliases();
        advisory.affected = changed.affected();
        advisory.mitigations = changed.mitigations();
        advisory.patches = changed.patches();
        advisory.modifiedAt = changed.modifiedAt();
        advisory.updatedAt = Instant.now();
        advisory.revision = advisories.nextRevision();
        advisories.persist(advisory);
        advisories.replacePackages(advisory);
        stored.fire(new AdvisoryStored(advisory));
    }

    private AdvisoryChanged read(String payload) {
        try {
            AdvisoryChanged changed = json.readValue(payload, AdvisoryChanged.class);
            if (changed.advisoryId() == null || changed.advisoryId().isBlank() || changed.change() == null) {
                throw new BadMessageException("advisory message without advisoryId or change");
            }
            if (changed.modifiedAt() == null) {
                throw new BadMessageException("advisory message " + changed.advisoryId() + " without modifiedAt");
            }
            return changed;
        } catch (JsonProcessingException e) {
            throw new BadMessageException("unreadable advisory message: " + e.getOriginalMessage(), e);
        }
    }
}
