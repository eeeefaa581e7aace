package dev.herd.hub.provider;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An advisory provider and how far Herd trusts it. Its id is the provider_id claim of its Keycloak client. */
@Entity
@Table(name = "provider")
public class Provider {

    @Id
    public String id;

    @Column(name = "display_name", nullable = false)
    public String displayName;

    @Column(name = "trust_tier", nullable = false)
    public short trustTier;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Where the provider wants damage reports POSTed; null when it did not ask for them. */
    @Column(name = "damage_report_url")
    public String damageReportUrl;

    /** The key that signs its damage-report deliveries ({@code whsec_…}); null when it did not ask for them. */
    @Column(name = "damage_report_secret")
    public String damageReportSecret;
}
