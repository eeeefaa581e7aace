package dev.herd.hub.rejection;

import dev.herd.hub.advisory.DocumentFormat;
import dev.herd.hub.ingest.Issue;
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

/** A document that failed verification, with every rule it broke. Nothing else of it is stored. */
@Entity
@Table(name = "rejection")
public class Rejection {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "provider_id", nullable = false)
    public String providerId;

    @Column(name = "document_id")
    public String documentId;

    @Enumerated(EnumType.STRING)
    public DocumentFormat format;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public List<Issue> errors;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Column(name = "submitted_by", nullable = false)
    public String submittedBy;
}
