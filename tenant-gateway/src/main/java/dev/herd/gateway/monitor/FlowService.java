package dev.herd.gateway.monitor;

import dev.herd.contracts.monitor.MonitorRecords;
import dev.herd.contracts.monitor.MonitorRecords.FlowRecord;
import dev.herd.contracts.outbox.Outbox;
import dev.herd.gateway.agent.Agent;
import dev.herd.gateway.agent.AgentRepository;
import dev.herd.gateway.agent.TenantLane;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/**
 * Stores an agent's flow records and, in the same transaction, puts them in the outbox for {@code herd.monitor}. An
 * empty batch is the sensor's heartbeat: nothing is stored, and the message tells the portal that the detector lives.
 */
@ApplicationScoped
public class FlowService {

    /** What became of a batch: how many records were accepted. */
    public record Intake(int accepted) {}

    private final AgentRepository agents;
    private final MonitorRecordRepository records;
    private final Outbox outbox;

    public FlowService(AgentRepository agents, MonitorRecordRepository records, Outbox outbox) {
        this.agents = agents;
        this.records = records;
        this.outbox = outbox;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Intake accept(Agent agent, List<FlowRecord> flows) {
        // One batch of an agent at a time: its messages leave in the order they were stored.
        agents.lockForUpdate(agent);
        Instant now = Instant.now();
        if (!flows.isEmpty()) {
            records.insert(agent, flows, now);
        }
        outbox.enqueue(
                MonitorRecords.ADDRESS, TenantLane.of(agent), new MonitorRecords(agent.tenantId, agent.id, flows, now));
        return new Intake(flows.size());
    }
}
