package dev.herd.portal.diagnosis;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One machine (or one SBOM's component) affected by one advisory through one package, with what to do about it and
 * where that stands. Exactly one of {@code machineId} and {@code sbomId} is set.
 */
@Entity
@Table(name = "finding")
public class Finding {

    @Id
    public Long id;

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;

    @Column(name = "machine_id")
    public UUID machineId;

    /** The SBOM whose component this is (docs/sbom.md); null for a finding of a machine's inventory. */
    @Column(name = "sbom_id")
    public UUID sbomId;

    @Column(name = "advisory_id", nullable = false)
    public String advisoryId;

    @Column(name = "package_name", nullable = false)
    public String packageName;

    @Column(nullable = false)
    public String installed;

    public String fixed;

    @Column(name = "source_document")
    public String sourceDocument;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public FindingAction action;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public FindingState state;

    @Column(name = "opened_at", nullable = false)
    public Instant openedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "closed_at")
    public Instant closedAt;
}
