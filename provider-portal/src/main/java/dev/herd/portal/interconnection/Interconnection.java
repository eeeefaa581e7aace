package dev.herd.portal.interconnection;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** A tenant's inbound policy towards one partner tenant: the partner's scores above which its traffic is dropped. */
@Entity
@Table(name = "interconnection")
@IdClass(Interconnection.Key.class)
public class Interconnection {

    /** The primary key: tenant and partner. */
    public record Key(String tenantId, String partnerId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "tenant_id")
    public String tenantId;

    @Id
    @Column(name = "partner_id")
    public String partnerId;

    @Column(name = "max_vulnerability_deviation")
    public Double maxVulnerabilityDeviation;

    @Column(name = "max_risk_deviation")
    public Double maxRiskDeviation;

    @Column(name = "require_trusted", nullable = false)
    public boolean requireTrusted;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
