package dev.herd.hub.provider;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An OpenPGP public key registered for a provider, kept as the admin gave it (armored). */
@Entity
@Table(name = "provider_key")
@IdClass(RegisteredKey.Key.class)
public class RegisteredKey {

    @Id
    @Column(name = "provider_id")
    public String providerId;

    @Id
    public String fingerprint;

    @Column(nullable = false)
    public String armored;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "user_ids", nullable = false, columnDefinition = "jsonb")
    public List<String> userIds;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "added_at", nullable = false)
    public Instant addedAt;

    /** The composite primary key. */
    public record Key(String providerId, String fingerprint) implements Serializable {

        public Key() {
            this(null, null);
        }
    }
}
