package dev.herd.portal.hub;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What the advisory hub's API answers, as far as the portal's admin pages show it (unknown fields are ignored). */
public final class HubViews {

    private HubViews() {}

    /** An advisory provider and its trust tier (1 to 5; the hub acts automatically from its configured tier). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Provider(String id, String displayName, int trustTier, Instant createdAt) {}

    /** A pull source and the status of its last (or running) pull. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Source(
            long id,
            String providerId,
            String kind,
            String location,
            int intervalMinutes,
            String state,
            Instant lastStartedAt,
            Instant lastFinishedAt,
            Instant nextRunAt,
            Map<String, Object> counts,
            List<Map<String, Object>> errors,
            List<Map<String, Object>> warnings) {

        public List<Map<String, Object>> errors() {
            return errors == null ? List.of() : errors;
        }
    }

    /** A document the hub refused, with every rule it broke. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Rejection(
            long id,
            String providerId,
            String documentId,
            String format,
            List<Map<String, Object>> errors,
            Instant receivedAt,
            String submittedBy) {}

    /** A community advisory with its provenance counts: distinct origins that confirmed it and reports received. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CommunityAdvisory(
            String id,
            String title,
            String state,
            boolean knownExploited,
            int emergencyLevel,
            int origins,
            int reports,
            Instant firstReportedAt,
            Instant lastReportedAt,
            Instant revokedAt,
            String revokedBy,
            String revokeReason) {

        public boolean revoked() {
            return revokedAt != null;
        }
    }

    /** Why an MSSP admin revokes a community advisory. */
    public record Revocation(String reason) {}
}
