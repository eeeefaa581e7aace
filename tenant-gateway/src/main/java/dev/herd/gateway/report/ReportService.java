package dev.herd.gateway.report;

import dev.herd.contracts.inventory.MachineInventory;
import dev.herd.contracts.outbox.Outbox;
import dev.herd.contracts.problem.HerdException;
import dev.herd.gateway.agent.Agent;
import dev.herd.gateway.agent.AgentRepository;
import dev.herd.gateway.agent.TenantLane;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;

/**
 * Takes an agent's reports in sequence: the next one is stored and, in the same transaction, its diagnosis fields go
 * to the outbox and the {@link AcceptedReport} observers add their effects; one already taken is acknowledged again
 * without storing; a gap is refused naming what is expected.
 */
@ApplicationScoped
public class ReportService {

    /** What became of a report: {@code accepted} or {@code duplicate}. */
    public record Intake(String status, long sequence) {}

    private final AgentRepository agents;
    private final StoredReportRepository reports;
    private final Outbox outbox;
    private final Event<AcceptedReport> accepted;

    public ReportService(
            AgentRepository agents, StoredReportRepository reports, Outbox outbox, Event<AcceptedReport> accepted) {
        this.agents = agents;
        this.reports = reports;
        this.outbox = outbox;
        this.accepted = accepted;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Intake accept(Agent agent, ReportReader.Parsed parsed) {
        ReportSubmission s = parsed.submission();
        agents.lockForUpdate(agent);
        long expected = agent.lastReportSequence + 1;
        if (s.sequence() < expected) {
            return new Intake("duplicate", s.sequence());
        }
        if (s.sequence() > expected) {
            throw new SequenceGapException(expected, s.sequence());
        }
        if (expected == 1 && !"FULL".equals(s.kind())) {
            throw HerdException.conflict("full-report-required", "The first report of an agent must be FULL.");
        }
        Instant now = Instant.now();
        StoredReport report = new StoredReport();
        report.id = UUID.randomUUID();
        report.tenantId = agent.tenantId;
        report.agentId = agent.id;
        report.sequence = s.sequence();
        report.kind = s.kind();
        report.receivedAt = now;
        report.body = parsed.raw();
        reports.persist(report);
        agent.lastReportSequence = s.sequence();
        agent.lastReportAt = now;
        outbox.enqueue(MachineInventory.ADDRESS, TenantLane.of(agent), InventoryMapper.of(agent, s, now));
        // Evidence, equipment control and admission follow-through join this transaction (synchronous observers).
        accepted.fire(new AcceptedReport(agent, s, now));
        return new Intake("accepted", s.sequence());
    }
}
