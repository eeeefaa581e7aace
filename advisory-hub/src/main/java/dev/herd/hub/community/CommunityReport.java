package dev.herd.hub.community;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One damage report received: which community advisory it confirms, from which origin pseudonym, never a tenant. */
@Entity
@Table(name = "community_report")
public class CommunityReport {

    @Id
    @Column(name = "report_id")
    public UUID reportId;

    @Column(name = "advisory_id", nullable = false)
    public String advisoryId;

    @Column(nullable = false)
    public String origin;

    @Column(name = "detected_at", nullable = false)
    public Instant detectedAt;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Column(name = "damaged_machines", nullable = false)
    public int damagedMachines;

    /** False when the advisory was revoked: the report is kept and forwarded but does not resurrect it. */
    @Column(nullable = false)
    public boolean applied;
}
