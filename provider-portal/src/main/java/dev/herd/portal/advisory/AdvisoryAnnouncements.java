package dev.herd.portal.advisory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herd.contracts.advisory.AdvisoryChanged;
import dev.herd.contracts.inbox.BadMessageException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/**
 * Keeps the portal's copy of an advisory the hub announces ({@link AdvisoryChanged}), from either advisory address,
 * and fires {@link AdvisoryStored}. An announcement older than the copy is dropped: by {@code modifiedAt}, and for the
 * same {@code modifiedAt} by {@code changedAt}, since the two addresses do not keep one advisory's announcements in
 * order (ADR 12).
 */
@ApplicationScoped
public class AdvisoryAnnouncements {

    /** The hub announces microseconds; a publisher announcing nanoseconds sees them rounded here by up to 1 µs. */
    private static final Duration ROUNDING = Duration.ofNanos(1_000);

    private final KnownAdvisoryRepository advisories;
    private final Event<AdvisoryStored> stored;
    private final DiagnosisLock lock;
    private final ObjectMapper json;

    public AdvisoryAnnouncements(
            KnownAdvisoryRepository advisories, Event<AdvisoryStored> stored, DiagnosisLock lock, ObjectMapper json) {
        this.advisories = advisories;
        this.stored = stored;
        this.lock = lock;
        this.json = json;
    }

    /** Applies one announcement in the caller's transaction. */
    public void apply(String payload) {
        AdvisoryChanged changed = read(payload);
        lock.acquire(); // before the revision is taken: revisions then commit in order
        KnownAdvisory advisory = advisories.findById(changed.advisoryId());
        if (advisory != null && overtaken(advisory, changed)) {
            return; // an older announcement overtaken by a newer one
        }
        if (advisory == null) {
            advisory = new KnownAdvisory();
            advisory.id = changed.advisoryId();
        }
        advisory.title = changed.title();
        advisory.severity = changed.severity();
        advisory.cvssScore = changed.cvssScore() == null ? null : BigDecimal.valueOf(changed.cvssScore());
        advisory.epss = changed.epss() == null ? null : BigDecimal.valueOf(changed.epss());
        advisory.epssPercentile =
                changed.epssPercentile() == null ? null : BigDecimal.valueOf(changed.epssPercentile());
        advisory.knownExploited = changed.knownExploited();
        advisory.emergencyLevel = (short) changed.emergencyLevel();
        advisory.actionable = changed.actionable();
        advisory.withdrawn = changed.change() == AdvisoryChanged.Change.WITHDRAWN;
        advisory.aliases = changed.aliases();
        advisory.affected = changed.affected();
        advisory.mitigations = changed.mitigations();
        advisory.patches = changed.patches();
        advisory.modifiedAt = changed.modifiedAt();
        advisory.changedAt = changed.changedAt();
        advisory.updatedAt = Instant.now();
        advisory.revision = advisories.nextRevision();
        advisories.persist(advisory);
        advisories.replacePackages(advisory);
        stored.fire(new AdvisoryStored(advisory));
    }

    /** Whether the copy held is newer than the announcement. */
    static boolean overtaken(KnownAdvisory held, AdvisoryChanged changed) {
        if (held.modifiedAt.isAfter(changed.modifiedAt().plus(ROUNDING))) {
            return true;
        }
        boolean sameModification =
                !held.modifiedAt.isBefore(changed.modifiedAt().minus(ROUNDING));
        return sameModification
                && held.changedAt != null
                && changed.changedAt() != null
                && held.changedAt.isAfter(changed.changedAt().plus(ROUNDING));
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
