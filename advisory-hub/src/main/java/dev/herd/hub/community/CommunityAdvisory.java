package dev.herd.hub.community;

import dev.herd.contracts.damage.DamageReport;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An advisory made from damage reports: the indicator set it stands for, and whether an MSSP admin revoked it. */
@Entity
@Table(name = "community_advisory")
public class CommunityAdvisory {

    @Id
    @Column(name = "advisory_id")
    public String advisoryId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public List<DamageReport.Indicator> indicators;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Column(name = "revoked_by")
    public String revokedBy;

    @Column(name = "revoke_reason")
    public String revokeReason;
}
