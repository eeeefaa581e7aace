package dev.herd.portal.rules;

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

/**
 * A numbered filter rule of one tenant against one advisory, with its lifecycle; the machines it protects are rows
 * of {@code filter_rule_machine}. {@code ruleKey} names what the rule stands for: {@code m:<protocol>:<port>:<sig>[:src:<address>]}
 * for an advisory's mitigation, {@code halt:<machine>:<port>} for a halted service's exposure.
 */
@Entity
@Table(name = "filter_rule")
public class TenantRule {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;

    @Column(nullable = false)
    public int number;

    @Column(name = "advisory_id", nullable = false)
    public String advisoryId;

    @Column(name = "rule_key", nullable = false)
    public String ruleKey;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RuleAction action;

    public String protocol;

    public Integer port;

    public Integer rate;

    public String signature;

    /** The attacker's address or CIDR block whose traffic the rule drops; null for any source. */
    @Column(name = "source_address")
    public String sourceAddress;

    public String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RuleState state;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "deployed_at")
    public Instant deployedAt;

    @Column(name = "withdrawn_at")
    public Instant withdrawnAt;

    @Column(name = "withdrawn_by_hand", nullable = false)
    public boolean withdrawnByHand;

    public String reason;

    void markDeployed(String why, Instant at) {
        state = RuleState.DEPLOYED;
        deployedAt = at;
        reason = why;
    }

    void markWithdrawn(String why, Instant at) {
        state = RuleState.WITHDRAWN;
        withdrawnAt = at;
        reason = why;
    }

    /** The rule as the renderers take it, protecting {@code addresses} (which must not be empty). */
    FilterRule toFilterRule(List<String> addresses) {
        return new FilterRule(
                number,
                advisoryId,
                action,
                protocol,
                port,
                rate,
                signature,
                addresses,
                sourceAddress == null ? List.of() : List.of(sourceAddress));
    }
}
