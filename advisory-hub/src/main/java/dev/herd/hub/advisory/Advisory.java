package dev.herd.hub.advisory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A canonical advisory: one vulnerability, resolved from what every provider said about it. */
@Entity
@Table(name = "advisory")
public class Advisory {

    @Id
    public String id;

    public String title;

    public String description;

    @Column(name = "cvss_vector")
    public String cvssVector;

    @Column(name = "cvss_score", precision = 3, scale = 1)
    public BigDecimal cvssScore;

    @Enumerated(EnumType.STRING)
    public Severity severity;

    @Column(name = "emergency_level", nullable = false)
    public short emergencyLevel;

    /** The highest EPSS score among the CVEs the advisory is known by; null when none has one. */
    @Column(precision = 6, scale = 5)
    public BigDecimal epss;

    @Column(name = "epss_percentile", precision = 6, scale = 5)
    public BigDecimal epssPercentile;

    @Column(name = "known_exploited", nullable = false)
    public boolean knownExploited;

    @Column(nullable = false)
    public boolean actionable;

    @Column(name = "withdrawn_at")
    public Instant withdrawnAt;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(name = "modified_at", nullable = false)
    public Instant modifiedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public AdvisoryContent content;
}
