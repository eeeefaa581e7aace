package dev.herd.gateway.delivery.rules;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The newest rule bundle of one tenant, as the portal sent it. */
@Entity
@Table(name = "rule_bundle")
public class StoredRuleBundle {

    @Id
    @Column(name = "tenant_id")
    public String tenantId;

    @Column(nullable = false)
    public long revision;

    @Column(name = "generated_at")
    public Instant generatedAt;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public JsonNode body;

    /** The ETag agents see: the revision, quoted. */
    public String etag() {
        return "\"" + revision + "\"";
    }
}
