package dev.herd.portal.advisory;

import dev.herd.contracts.advisory.AdvisoryChanged;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An advisory as the hub last announced it: what diagnosis matches and what protection is built from. */
@Entity
@Table(name = "advisory")
public class KnownAdvisory {

    @Id
    public String id;

    public String title;

    public String severity;

    @Column(name = "cvss_score", precision = 3, scale = 1)
    public BigDecimal cvssScore;

    /** FIRST.org's EPSS score (0..1) of the advisory's most likely exploited CVE; null when none is known. */
    @Column(precision = 6, scale = 5)
    public BigDecimal epss;

    @Column(name = "epss_percentile", precision = 6, scale = 5)
    public BigDecimal epssPercentile;

    @Column(name = "known_exploited", nullable = false)
    public boolean knownExploited;

    @Column(name = "emergency_level", nullable = false)
    public short emergencyLevel;

    @Column(nullable = false)
    public boolean actionable;

    @Column(nullable = false)
    public boolean withdrawn;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public List<String> aliases;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public List<AdvisoryChanged.Affected> affected;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public List<AdvisoryChanged.Mitigation> mitigations;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public List<AdvisoryChanged.Patch> patches;

    @Column(name = "modified_at", nullable = false)
    public Instant modifiedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /**
     * When the hub changed the advisory ({@code AdvisoryChanged.changedAt}; null when unsaid): orders two announcements
     * with the same {@code modifiedAt}, which may arrive out of order over the two advisory addresses.
     */
    @Column(name = "changed_at")
    public Instant changedAt;

    /** Taken from sequence {@code advisory_revision} on every change (see {@code StandingAdvisories}). */
    @Column(nullable = false)
    public long revision;
}
