package dev.herd.portal.machine;

import dev.herd.contracts.inventory.MachineInventory;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A machine of a tenant as its gateway last described it; the id is its agent's id. */
@Entity
@Table(name = "machine")
public class Machine {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;

    @Column(nullable = false)
    public String name;

    public String hostname;

    /** The machine id its agent reports, as the gateway enrolled it; patch plans name it. Null until reported. */
    @Column(name = "machine_id")
    public String machineId;

    @Column(name = "os_id")
    public String osId;

    @Column(name = "os_version")
    public String osVersion;

    /** The OSV ecosystem of its distribution packages ({@code Debian:12}); null when Herd cannot name it. */
    public String ecosystem;

    public String architecture;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public List<String> addresses;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public List<MachineInventory.ListeningPort> listening;

    /** The stored package set of its installed packages (V26); null until its first inventory. */
    @Column(name = "package_set_id")
    public Long packageSetId;

    @Column(name = "last_sequence", nullable = false)
    public long lastSequence;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
