package dev.herd.contracts.advisory;

import java.time.Instant;
import java.util.List;

/**
 * Message on the multicast address {@value #ADDRESS}: an advisory was created, changed or withdrawn. It carries what
 * diagnosis needs to match machines and to protect them (aliases, severity, affected packages with their ranges,
 * mitigations, patches), so a consumer never has to call the hub back. {@code packages} names every package the
 * advisory touches, so diagnosis re-examines only machines that have them. {@code actionable} is false while only
 * providers below the automatic-action tier stand behind it: such an advisory must not drive rules or patches by
 * itself.
 *
 * <p>Known-exploited and community advisories travel on {@value #URGENT_ADDRESS}, every other one on {@value
 * #ADDRESS}, so that a bulk import never delays them (ADR 12). Two announcements of one advisory can then arrive out
 * of order: a consumer keeps the one with the later {@code modifiedAt}, and for the same {@code modifiedAt} the one
 * with the later {@code changedAt} (when the hub changed the advisory; null from publishers that do not say).
 *
 * <p>{@code epss} (0..1) and {@code epssPercentile} (0..1) are the highest FIRST.org EPSS score among the CVEs the
 * advisory's id and aliases name, with that CVE's percentile; null when no score is known (and in messages from
 * publishers older than EPSS).
 */
public record AdvisoryChanged(
        String advisoryId,
        Change change,
        boolean actionable,
        boolean knownExploited,
        int emergencyLevel,
        List<PackageRef> packages,
        Instant modifiedAt,
        String title,
        String severity,
        Double cvssScore,
        List<String> aliases,
        List<Affected> affected,
        List<Mitigation> mitigations,
        List<Patch> patches,
        Instant changedAt,
        Double epss,
        Double epssPercentile) {

    /** An announcement without EPSS scores, as publishers before EPSS sent it. */
    public AdvisoryChanged(
            String advisoryId,
            Change change,
            boolean actionable,
            boolean knownExploited,
            int emergencyLevel,
            List<PackageRef> packages,
            Instant modifiedAt,
            String title,
            String severity,
            Double cvssScore,
            List<String> aliases,
            List<Affected> affected,
            List<Mitigation> mitigations,
            List<Patch> patches,
            Instant changedAt) {
        this(
                advisoryId,
                change,
                actionable,
                knownExploited,
                emergencyLevel,
                packages,
                modifiedAt,
                title,
                severity,
                cvssScore,
                aliases,
                affected,
                mitigations,
                patches,
                changedAt,
                null,
                null);
    }

    public static final String ADDRESS = "herd.advisories";

    /** Where known-exploited and community advisories are announced: a subscription of their own, never queued behind bulk imports. */
    public static final String URGENT_ADDRESS = "herd.advisories.urgent";

    /** What happened to the advisory. */
    public enum Change {
        CREATED,
        UPDATED,
        WITHDRAWN
    }

    /** A package in an ecosystem, as OSV names them ({@code Debian:12} / {@code openssl}). */
    public record PackageRef(String ecosystem, String name) {}

    /**
     * An affected package as OSV describes it: ranges and/or explicit versions, optionally only some architectures;
     * {@code sourceDocument} is the provider document that said so (e.g. {@code DEBIAN-CVE-2022-1271-gzip}).
     */
    public record Affected(
            String ecosystem,
            String name,
            List<Range> ranges,
            List<String> versions,
            List<String> architectures,
            String sourceDocument) {
        public Affected {
            ranges = ranges == null ? List.of() : List.copyOf(ranges);
            versions = versions == null ? List.of() : List.copyOf(versions);
            architectures = architectures == null ? List.of() : List.copyOf(architectures);
        }
    }

    /** An OSV range: type ({@code ECOSYSTEM}, {@code SEMVER}, {@code GIT}) and its events in order. */
    public record Range(String type, List<Event> events) {
        public Range {
            events = events == null ? List.of() : List.copyOf(events);
        }
    }

    /** One range event: exactly one of the four is set. */
    public record Event(String introduced, String fixed, String lastAffected, String limit) {}

    /**
     * A filter spec that protects until the patch is in. {@code sourceAddress} is an attacker's address or CIDR block
     * whose traffic to the protected machines is dropped (null: from any source).
     */
    public record Mitigation(
            String protocol,
            Integer port,
            String service,
            String signature,
            String description,
            String sourceAddress) {}

    /** A package and the version that fixes it, or a vendor patch id and where to get it. */
    public record Patch(String ecosystem, String packageName, String fixedVersion, String vendorPatchId, String url) {}

    /** An announcement that does not say when the hub changed the advisory ({@code changedAt} null). */
    public AdvisoryChanged(
            String advisoryId,
            Change change,
            boolean actionable,
            boolean knownExploited,
            int emergencyLevel,
            List<PackageRef> packages,
            Instant modifiedAt,
            String title,
            String severity,
            Double cvssScore,
            List<String> aliases,
            List<Affected> affected,
            List<Mitigation> mitigations,
            List<Patch> patches) {
        this(
                advisoryId,
                change,
                actionable,
                knownExploited,
                emergencyLevel,
                packages,
                modifiedAt,
                title,
                severity,
                cvssScore,
                aliases,
                affected,
                mitigations,
                patches,
                null);
    }

    public AdvisoryChanged {
        packages = packages == null ? List.of() : List.copyOf(packages);
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        affected = affected == null ? List.of() : List.copyOf(affected);
        mitigations = mitigations == null ? List.of() : List.copyOf(mitigations);
        patches = patches == null ? List.of() : List.copyOf(patches);
    }
}
