package dev.herd.portal.advisory;

import dev.herd.contracts.advisory.AdvisoryChanged;
import dev.herd.contracts.inbox.MessageHandler;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Reads the known-exploited and community advisories the hub announces on {@value AdvisoryChanged#URGENT_ADDRESS}:
 * a subscription and consumer of their own, so that they never wait in the queue behind a bulk import on {@value
 * AdvisoryChanged#ADDRESS} (ADR 12); only behind the one advisory change being applied (the diagnosis lock).
 */
@ApplicationScoped
public class UrgentAdvisoryConsumer implements MessageHandler {

    private final AdvisoryAnnouncements announcements;

    public UrgentAdvisoryConsumer(AdvisoryAnnouncements announcements) {
        this.announcements = announcements;
    }

    @Override
    public String address() {
        return AdvisoryChanged.URGENT_ADDRESS;
    }

    @Override
    public String subscription() {
        return "portal-urgent-advisories";
    }

    @Override
    public void handle(String payload) {
        announcements.apply(payload);
    }
}
