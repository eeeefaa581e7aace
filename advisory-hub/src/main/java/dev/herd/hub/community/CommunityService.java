package dev.herd.hub.community;

import dev.herd.contracts.damage.DamageReport;
import dev.herd.contracts.problem.HerdException;
import dev.herd.hub.HubConfig;
import dev.herd.hub.advisory.AdvisoryMerger;
import dev.herd.hub.advisory.AdvisoryRepository;
import dev.herd.hub.advisory.AdvisoryStatement;
import dev.herd.hub.advisory.DocumentFormat;
import dev.herd.hub.advisory.Submission;
import dev.herd.hub.provider.Provider;
import dev.herd.hub.provider.ProviderRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Turns damage reports into community advisories through the normal merge path, as statements of the built-in
 * provider {@value #PROVIDER}: one advisory per indicator set, one provenance per report (its id and origin
 * pseudonym). Revoked advisories stay withdrawn whatever reports follow.
 */
@ApplicationScoped
public class CommunityService {

    /** The built-in provider whose statements are damage reports (created by migration V4). */
    public static final String PROVIDER = "herd-community";

    private static final Logger LOG = Logger.getLogger(CommunityService.class);

    private final CommunityRepository community;
    private final AdvisoryRepository advisories;
    private final AdvisoryMerger merger;
    private final ProviderRepository providers;
    private final DamageReportForwarder forwarder;
    private final HubConfig config;
    private final Event<CommunityAdvisoryChanged> changed;

    public CommunityService(
            CommunityRepository community,
            AdvisoryRepository advisories,
            AdvisoryMerger merger,
            ProviderRepository providers,
            DamageReportForwarder forwarder,
            HubConfig config,
            Event<CommunityAdvisoryChanged> changed) {
        this.community = community;
        this.advisories = advisories;
        this.merger = merger;
        this.providers = providers;
        this.forwarder = forwarder;
        this.config = config;
        this.changed = changed;
    }

    /**
     * Applies one damage report in the caller's transaction: merges it into its community advisory (unless revoked),
     * records it and queues its delivery to subscribed providers. A report id seen before changes nothing.
     *
     * @throws IllegalArgumentException when the report can never be applied (it names the fault)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void receive(DamageReport report, Instant now) {
        if (report.reportId() == null) {
            throw new IllegalArgumentException("reportId is missing");
        }
        if (report.origin() == null
                || report.origin().isBlank()
                || report.origin().length() > 200) {
            throw new IllegalArgumentException("origin must be a pseudonym of 1 to 200 characters");
        }
        if (report.detectedAt() == null) {
            throw new IllegalArgumentException("detectedAt is missing");
        }
        if (report.damagedMachines() < 0) {
            throw new IllegalArgumentException("damagedMachines must not be negative");
        }
        CommunityIndicators indicators = CommunityIndicators.of(report);
        if (community.knownReport(report.reportId())) {
            return;
        }
        Provider provider = providers
                .findByIdOptional(PROVIDER)
                .orElseThrow(() -> new IllegalStateException("built-in provider " + PROVIDER + " is missing"));
        String id = indicators.advisoryId();
        CommunityAdvisory known = community.findById(id);
        boolean revoked = known != null && known.revokedAt != null;
        if (revoked) {
            LOG.infof("Damage report %s confirms revoked %s: recorded, not applied", report.reportId(), id);
        } else {
            Submission submission = new Submission(
                    PROVIDER,
                    provider.trustTier,
                    provider.trustTier >= config.autoActionTier(),
                    DocumentFormat.HERD,
                    "origin:" + report.origin().strip(),
                    now);
            merger.merge(submission, statement(report, indicators, id, now));
        }
        if (known == null) {
            known = new CommunityAdvisory();
            known.advisoryId = id;
            known.indicators = indicators.indicators();
            known.createdAt = now;
            community.persist(known);
        }
        CommunityReport received = new CommunityReport();
        received.reportId = report.reportId();
        received.advisoryId = id;
        received.origin = report.origin().strip();
        received.detectedAt = report.detectedAt();
        received.receivedAt = now;
        received.damagedMachines = report.damagedMachines();
        received.applied = !revoked;
        community.persistReport(received);
        forwarder.enqueue(report, now);
        if (!revoked) {
            community.flush();
            changed.fire(new CommunityAdvisoryChanged(id));
        }
    }

    /** Withdraws a community advisory for good: a WITHDRAWN announcement now, and later reports do not revive it. */
    @Transactional
    public CommunityAdvisoryView revoke(String advisoryId, String by, String reason) {
        if (advisories.findByIdOptional(advisoryId).isEmpty()) {
            throw HerdException.notFound("advisory-not-found", "No advisory '" + advisoryId + "'.");
        }
        CommunityAdvisory advisory = community.findById(advisoryId);
        if (advisory == null) {
            throw HerdException.conflict(
                    "not-a-community-advisory",
                    "Advisory '" + advisoryId + "' comes from providers, not from damage reports; only community "
                            + "advisories are revoked here.");
        }
        if (advisory.revokedAt != null) {
            throw HerdException.conflict("already-revoked", "Advisory '" + advisoryId + "' is revoked already.");
        }
        Instant now = Instant.now();
        advisory.revokedAt = now;
        advisory.revokedBy = by;
        advisory.revokeReason = reason.strip();
        merger.withdraw(advisoryId, now);
        community.flush();
        changed.fire(new CommunityAdvisoryChanged(advisoryId));
        return list().stream()
                .filter(v -> v.id().equals(advisoryId))
                .findFirst()
                .orElseThrow();
    }

    public List<CommunityAdvisoryView> list() {
        return community.views();
    }

    private static AdvisoryStatement statement(
            DamageReport report, CommunityIndicators indicators, String id, Instant now) {
        return new AdvisoryStatement(
                report.reportId().toString(),
                List.of(id),
                "Damage seen in the wild: " + indicators.summary(),
                report.description(),
                null,
                List.of(),
                List.of(),
                indicators.mitigations(),
                List.of(),
                true,
                report.detectedAt(),
                now,
                false);
    }
}
