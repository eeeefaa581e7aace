package dev.herd.hub.advisory;

import dev.herd.contracts.advisory.AdvisoryChanged;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

/** Builds the {@link AdvisoryChanged} message that tells diagnosis everything it needs of one advisory. */
final class AdvisoryAnnouncement {

    private AdvisoryAnnouncement() {}

    static AdvisoryChanged of(Advisory advisory, MergeOutcome.Kind kind, Set<AdvisoryRepository.PackageKey> packages) {
        AdvisoryChanged.Change change = advisory.withdrawnAt != null
                ? AdvisoryChanged.Change.WITHDRAWN
                : kind == MergeOutcome.Kind.CREATED ? AdvisoryChanged.Change.CREATED : AdvisoryChanged.Change.UPDATED;
        AdvisoryContent content = advisory.content;
        return new AdvisoryChanged(
                advisory.id,
                change,
                advisory.actionable,
                advisory.knownExploited,
                advisory.emergencyLevel,
                packages.stream()
                        .map(p -> new AdvisoryChanged.PackageRef(p.ecosystem(), p.name()))
                        .toList(),
                advisory.modifiedAt,
                advisory.title,
                advisory.severity == null ? null : advisory.severity.name(),
                advisory.cvssScore == null ? null : advisory.cvssScore.doubleValue(),
                content.aliases(),
                content.affected().stream().map(AdvisoryAnnouncement::affected).toList(),
                content.mitigations().stream()
                        .map(m -> new AdvisoryChanged.Mitigation(
                                m.protocol(), m.port(), m.service(), m.signature(), m.description(), m.sourceAddress()))
                        .toList(),
                content.patches().stream()
                        .map(p -> new AdvisoryChanged.Patch(
                                p.ecosystem(), p.packageName(), p.fixedVersion(), p.vendorPatchId(), p.url()))
                        .toList(),
                advisory.updatedAt == null ? null : advisory.updatedAt.truncatedTo(ChronoUnit.MICROS),
                advisory.epss == null ? null : advisory.epss.doubleValue(),
                advisory.epssPercentile == null ? null : advisory.epssPercentile.doubleValue());
    }

    /**
     * Where the advisory is announced: known-exploited and community advisories (the latter withdrawn too) on an
     * address of their own, which no bulk import queues up (ADR 12); every other advisory on the usual one.
     */
    static String address(Advisory advisory) {
        return advisory.knownExploited || advisory.id.startsWith(CanonicalId.COMMUNITY_PREFIX)
                ? AdvisoryChanged.URGENT_ADDRESS
                : AdvisoryChanged.ADDRESS;
    }

    private static AdvisoryChanged.Affected affected(AffectedPackage affected) {
        List<AdvisoryChanged.Range> ranges = affected.ranges().stream()
                .map(r -> new AdvisoryChanged.Range(
                        r.type(),
                        r.events().stream()
                                .map(e -> new AdvisoryChanged.Event(
                                        e.introduced(), e.fixed(), e.lastAffected(), e.limit()))
                                .toList()))
                .toList();
        return new AdvisoryChanged.Affected(
                affected.ecosystem(),
                affected.name(),
                ranges,
                affected.versions(),
                affected.architectures(),
                affected.sourceDocument());
    }
}
