package dev.herd.agent.enrolment;

/** What enrolment gave this agent: its id, its tenant and the {@code ID:SECRET} credential it signs requests with. */
public record AgentCredential(String agentId, String tenantId, String credential) {}
