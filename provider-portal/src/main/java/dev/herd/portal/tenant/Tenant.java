package dev.herd.portal.tenant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A client network the MSSP protects. Its id is the slug carried by tenant-bound tokens. */
@Entity
@Table(name = "tenant")
public class Tenant {

    @Id
    public String id;

    @Column(name = "display_name", nullable = false)
    public String displayName;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
