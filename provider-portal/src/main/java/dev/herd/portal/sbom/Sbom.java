package dev.herd.portal.sbom;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An SBOM attached to a machine or to a named application of a tenant; its components are in sbom_component. */
@Entity
@Table(name = "sbom")
public class Sbom {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;

    /** The machine it describes; null for an application's SBOM. */
    @Column(name = "machine_id")
    public UUID machineId;

    /** The application it describes; null for a machine's SBOM. */
    public String application;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SbomFormat format;

    @Column(name = "spec_version", nullable = false)
    public String specVersion;

    /** The document's own name for what it describes (CycloneDX metadata.component, SPDX name); may be null. */
    public String name;

    /** Components kept: with a purl Herd matches, one per ecosystem, package and version. */
    @Column(nullable = false)
    public int components;

    /** Components skipped: without a purl, or with one of an ecosystem Herd does not match. */
    @Column(nullable = false)
    public int skipped;

    @Column(name = "uploaded_by", nullable = false)
    public String uploadedBy;

    @Column(name = "uploaded_at", nullable = false)
    public Instant uploadedAt;
}
