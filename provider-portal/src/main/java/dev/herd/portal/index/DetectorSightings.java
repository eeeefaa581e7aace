package dev.herd.portal.index;

import dev.herd.contracts.monitor.MonitorRecords.FlowRecord;
import dev.herd.portal.damage.MonitorRecordsReceived;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Records what a batch of monitor records proves about the detectors: the agent is alive, its canaries were seen. */
@ApplicationScoped
public class DetectorSightings {

    private final DetectorLiveness liveness;
    private final CanaryRepository canaries;

    public DetectorSightings(DetectorLiveness liveness, CanaryRepository canaries) {
        this.liveness = liveness;
        this.canaries = canaries;
    }

    void onMonitorRecords(@Observes MonitorRecordsReceived received) {
        liveness.seen(received.tenantId(), received.agentId(), received.receivedAt());
        for (FlowRecord flow : received.canaryFlows()) {
            canaries.seen(received.tenantId(), flow.signature(), flow.time());
        }
    }
}
