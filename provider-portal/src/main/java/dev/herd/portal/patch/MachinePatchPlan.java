package dev.herd.portal.patch;

import dev.herd.contracts.delivery.PatchPlan;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A patch plan for one machine: the packages to move to fixed versions in order, the operation checks before and
 * after, the findings it closes, and where it stands. A rollback plan ({@code rollbackOf} set) moves the packages of
 * a failed plan back to their installed versions and closes no finding.
 */
@Entity
@Table(name = "patch_plan")
public class MachinePatchPlan {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;

    /** The portal's machine id, which is the machine's agent id. */
    @Column(name = "machine_id", nullable = false)
    public UUID machineId;

    @Column(name = "machine_name", nullable = false)
    public String machineName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PatchPlanState state;

    /** {@code apt}, {@code dnf} or {@code apk}. */
    @Column(name = "package_manager", nullable = false)
    public String packageManager;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public List<PatchPlan.Step> steps;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "pre_checks", nullable = false, columnDefinition = "jsonb")
    public List<PatchPlan.Check> preChecks;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "post_checks", nullable = false, columnDefinition = "jsonb")
    public List<PatchPlan.Check> postChecks;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public List<String> advisories;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "finding_ids", nullable = false, columnDefinition = "jsonb")
    public List<Long> findingIds;

    /** What the planner left out and why (a binary whose version does not follow its source, ...). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public List<String> notes;

    @Column(name = "rollback_of")
    public UUID rollbackOf;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "approved_at")
    public Instant approvedAt;

    @Column(name = "approved_by")
    public String approvedBy;

    @Column(name = "sent_at")
    public Instant sentAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    /** The last result an agent reported (also SIMULATED, which changes nothing else). */
    @Column(name = "last_result")
    public String lastResult;

    @Column(name = "outcome_message")
    public String outcomeMessage;
}
