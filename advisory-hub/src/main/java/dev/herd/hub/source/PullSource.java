package dev.herd.hub.source;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A place the hub pulls a provider's advisories from on a schedule, with the outcome of its last pull. */
@Entity
@Table(name = "pull_source")
public class PullSource {

    static final String IDLE = "idle";
    static final String FAILED = "failed";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "provider_id", nullable = false)
    public String providerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SourceKind kind;

    @Column(nullable = false)
    public String location;

    @Column(name = "interval_minutes", nullable = false)
    public int intervalMinutes;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(nullable = false)
    public String state;

    @Column(name = "last_started_at")
    public Instant lastStartedAt;

    @Column(name = "last_finished_at")
    public Instant lastFinishedAt;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "last_counts", columnDefinition = "jsonb")
    public PullCounts lastCounts;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "last_errors", columnDefinition = "jsonb")
    public List<PullNote> lastErrors;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "last_warnings", columnDefinition = "jsonb")
    public List<PullNote> lastWarnings;

    /** Whether a pull is due at {@code now}: never pulled, or the interval has passed since the last start. */
    boolean dueAt(Instant now) {
        return lastStartedAt == null
                || !lastStartedAt.plusSeconds(60L * intervalMinutes).isAfter(now);
    }
}
