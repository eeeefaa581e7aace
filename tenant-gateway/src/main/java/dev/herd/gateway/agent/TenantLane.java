package dev.herd.gateway.agent;

/**
 * The message key, and so the {@code JMSXGroupID}, of what the gateway forwards for its agents (inventories, monitor
 * records, evidence): the agent's tenant. Artemis hands a group to one consumer at a time and lets the other consumers
 * take the messages of other groups past it, so one tenant's burst holds one consumer of a subscription at most while
 * the other tenants' messages go on (DESIGN §4, ADR 12); the messages of one machine stay in order, as those of its
 * tenant do.
 */
public final class TenantLane {

    private TenantLane() {}

    public static String of(Agent agent) {
        return agent.tenantId;
    }
}
