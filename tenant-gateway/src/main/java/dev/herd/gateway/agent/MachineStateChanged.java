package dev.herd.gateway.agent;

import java.util.UUID;

/**
 * Fired (synchronously, in the changing transaction) when an agent's machine changed state outside its reports: an
 * admission released or followed through, an equipment violation released. The evidence forwarder tells the portal.
 */
public record MachineStateChanged(String tenantId, UUID agentId) {}
