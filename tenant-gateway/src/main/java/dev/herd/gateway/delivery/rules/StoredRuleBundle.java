package dev.herd.gateway.delivery.rules;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One tenant's rule bundle state: the newest full bundle as the portal sent it, and the newest revision held. */
@Entity
@Table(name = "rule_bundle")
public class StoredRuleBundle {

    @Id
    @Column(name = "tenant_id")
    public String tenantId;

    /** The newest revision held: the full body's, or the last delta's on top of it (0: nothing held yet). */
    @Column(nullable = false)
    public long revision;

    /** The revision of {@link #body}, the newest full bundle the portal sent. */
    @Column(name = "full_revision", nullable = false)
    public long fullRevision;

    @Column(name = "generated_at")
    public Instant generatedAt;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public JsonNode body;
}
