package dev.herd.hub.advisory;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** An advisory as the API shows it; {@code provenance} only on the single-advisory view. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AdvisoryView(
        String id,
        List<String> aliases,
        String title,
        String description,
        Severity severity,
        String cvssVector,
        BigDecimal cvssScore,
        int emergencyLevel,
        boolean knownExploited,
        boolean actionable,
        Instant withdrawnAt,
        Instant publishedAt,
        Instant modifiedAt,
        Instant updatedAt,
        List<AffectedPackage> affected,
        List<Patch> patches,
        List<Mitigation> mitigations,
        List<String> references,
        List<ProvenanceView> provenance) {

    static AdvisoryView of(Advisory a, List<ProvenanceView> provenance) {
        return new AdvisoryView(
                a.id,
                a.content.aliases(),
                a.title,
                a.description,
                a.severity,
                a.cvssVector,
                a.cvssScore,
                a.emergencyLevel,
                a.knownExploited,
                a.actionable,
                a.withdrawnAt,
                a.publishedAt,
                a.modifiedAt,
                a.updatedAt,
                a.content.affected(),
                a.content.patches(),
                a.content.mitigations(),
                a.content.references(),
                provenance);
    }

    /** What one provider said, and how far it was trusted. */
    public record ProvenanceView(
            String provider,
            String documentId,
            DocumentFormat format,
            int trustTier,
            boolean verified,
            boolean withdrawn,
            Instant documentModifiedAt,
            Instant receivedAt,
            String submittedBy,
            AdvisoryStatement statement) {

        static ProvenanceView of(Provenance p) {
            return new ProvenanceView(
                    p.providerId,
                    p.documentId,
                    p.format,
                    p.trustTier,
                    p.verified,
                    p.withdrawn,
                    p.documentModifiedAt,
                    p.receivedAt,
                    p.submittedBy,
                    p.statement);
        }
    }
}
