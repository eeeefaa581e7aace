package dev.herd.gateway.admission;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A new machine's connection request at one tenant's site and where it stands: quarantined, held or released. */
@Entity
@Table(name = "admission")
public class Admission {

    /** QUARANTINED: isolated with its address; HELD: isolated and given no address; RELEASED: back on the network. */
    public enum Status {
        QUARANTINED,
        HELD,
        RELEASED
    }

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;

    @Column(nullable = false)
    public String mac;

    public String ip;

    @Column(nullable = false)
    public String hostname;

    @Column(nullable = false)
    public String segment;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;

    @Column(name = "requested_by", nullable = false)
    public String requestedBy;

    @Column(name = "released_at")
    public Instant releasedAt;

    @Column(name = "released_by")
    public String releasedBy;
}
