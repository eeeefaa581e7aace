package dev.herd.portal.advisory;

import dev.herd.contracts.advisory.AdvisoryChanged;
import dev.herd.contracts.inbox.MessageHandler;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Reads the advisories the hub announces on {@value AdvisoryChanged#ADDRESS} (every advisory but the known-exploited
 * and community ones, which {@link UrgentAdvisoryConsumer} reads) and keeps them ({@link AdvisoryAnnouncements}):
 * diagnosis re-diagnoses the machines that have one of its packages, or (an advisory without packages) the machines it
 * exposes; the file hashes of a community advisory go into the attack database.
 */
@ApplicationScoped
public class AdvisoryConsumer implements MessageHandler {

    private final AdvisoryAnnouncements announcements;

    public AdvisoryConsumer(AdvisoryAnnouncements announcements) {
        this.announcements = announcements;
    }

    @Override
    public String address() {
        return AdvisoryChanged.ADDRESS;
    }

    @Override
    public String subscription() {
        return "portal-advisories";
    }

    @Override
    public void handle(String payload) {
        announcements.apply(payload);
    }
}
