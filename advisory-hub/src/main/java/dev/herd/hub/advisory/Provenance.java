package dev.herd.hub.advisory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** What one provider's document said about an advisory, with how far that provider was trusted when it said it. */
@Entity
@Table(name = "provenance")
public class Provenance {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "advisory_id", nullable = false)
    public String advisoryId;

    @Column(name = "provider_id", nullable = false)
    public String providerId;

    @Column(name = "document_id", nullable = false)
    public String documentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DocumentFormat format;

    @Column(name = "trust_tier", nullable = false)
    public short trustTier;

    @Column(nullable = false)
    public boolean verified;

    @Column(nullable = false)
    public boolean withdrawn;

    @Column(name = "statement_hash", nullable = false)
    public String statementHash;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public AdvisoryStatement statement;

    @Column(name = "document_modified_at", nullable = false)
    public Instant documentModifiedAt;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Column(name = "submitted_by", nullable = false)
    public String submittedBy;
}
