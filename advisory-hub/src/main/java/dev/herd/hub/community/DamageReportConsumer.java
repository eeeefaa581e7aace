package dev.herd.hub.community;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herd.contracts.damage.DamageReport;
import dev.herd.contracts.inbox.BadMessageException;
import dev.herd.contracts.inbox.MessageHandler;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** Reads the damage reports portals publish ({@link DamageReport}) and hands them to {@link CommunityService}. */
@ApplicationScoped
public class DamageReportConsumer implements MessageHandler {

    private final CommunityService community;
    private final ObjectMapper json;

    public DamageReportConsumer(CommunityService community, ObjectMapper json) {
        this.community = community;
        this.json = json;
    }

    @Override
    public String address() {
        return DamageReport.ADDRESS;
    }

    @Override
    public String subscription() {
        return "hub-damage-reports";
    }

    @Override
    public void handle(String payload) {
        DamageReport report;
        try {
            report = json.readValue(payload, DamageReport.class);
        } catch (JsonProcessingException e) {
            throw new BadMessageException("unreadable damage report: " + e.getOriginalMessage(), e);
        }
        if (report == null) {
            throw new BadMessageException("empty damage report");
        }
        try {
            community.receive(report, Instant.now());
        } catch (IllegalArgumentException e) {
            throw new BadMessageException("damage report " + report.reportId() + ": " + e.getMessage(), e);
        }
    }
}
