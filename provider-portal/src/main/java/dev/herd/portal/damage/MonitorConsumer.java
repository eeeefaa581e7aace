package dev.herd.portal.damage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herd.contracts.inbox.BadMessageException;
import dev.herd.contracts.inbox.MessageHandler;
import dev.herd.contracts.monitor.MonitorRecords;
import dev.herd.contracts.monitor.MonitorRecords.FlowRecord;
import dev.herd.portal.machine.Machine;
import dev.herd.portal.machine.MachineRepository;
import dev.herd.portal.traffic.TrafficCounter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the monitor records gateways forward ({@link MonitorRecords}, subscription {@code portal-monitor}), counts
 * every flow into the tenant's traffic windows ({@link TrafficCounter}), and fires
 * {@link MonitorRecordsReceived} (the agent is alive, canary flows mark their canary seen); canary flows go no further
 * (never an attack), every other flow goes to damage detection. A batch without records is a sensor's heartbeat.
 */
@ApplicationScoped
public class MonitorConsumer implements MessageHandler {

    private final MachineRepository machines;
    private final Event<MonitorRecordsReceived> received;
    private final DamageService damage;
    private final ObjectMapper json;
    private final TrafficCounter traffic;

    public MonitorConsumer(
            MachineRepository machines,
            Event<MonitorRecordsReceived> received,
            DamageService damage,
            ObjectMapper json,
            TrafficCounter traffic) {
        this.machines = machines;
        this.received = received;
        this.damage = damage;
        this.json = json;
        this.traffic = traffic;
    }

    @Override
    public String address() {
        return MonitorRecords.ADDRESS;
    }

    @Override
    public String subscription() {
        return "portal-monitor";
    }

    @Override
    public void handle(String payload) {
        MonitorRecords batch = read(payload);
        Machine agent = machines.findById(batch.agentId());
        if (agent != null && !agent.tenantId.equals(batch.tenantId())) {
            throw new BadMessageException("monitor records of agent " + batch.agentId() + " name tenant "
                    + batch.tenantId() + " but the agent's machine belongs to another tenant");
        }
        List<FlowRecord> canaries = new ArrayList<>();
        List<FlowRecord> flows = new ArrayList<>();
        for (FlowRecord flow : batch.records()) {
            (CanaryTraffic.isCanary(flow.signature()) ? canaries : flows).add(flow);
        }
        traffic.count(batch.tenantId(), batch.agentId(), batch.records());
        received.fire(new MonitorRecordsReceived(
                batch.tenantId(),
                batch.agentId(),
                batch.receivedAt() != null ? batch.receivedAt() : Instant.now(),
                canaries));
        if (!flows.isEmpty()) {
            // A sensor's heartbeat (no records) proves it alive and costs no look at the tenant's machines.
            damage.apply(batch.tenantId(), batch.agentId(), flows, machines.ofTenant(batch.tenantId()));
        }
    }

    private MonitorRecords read(String payload) {
        MonitorRecords batch;
        try {
            batch = json.readValue(payload, MonitorRecords.class);
        } catch (JsonProcessingException e) {
            throw new BadMessageException("unreadable monitor records: " + e.getOriginalMessage(), e);
        }
        if (batch == null || batch.tenantId() == null || batch.tenantId().isBlank() || batch.agentId() == null) {
            throw new BadMessageException("monitor records without tenant or agent");
        }
        for (int i = 0; i < batch.records().size(); i++) {
            FlowRecord flow = batch.records().get(i);
            if (flow == null
                    || flow.time() == null
                    || flow.destination() == null
                    || flow.destination().isBlank()) {
                throw new BadMessageException("monitor record " + i + " has no time or destination");
            }
        }
        return batch;
    }
}
