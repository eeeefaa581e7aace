package dev.herd.portal.notification;

/** How urgent a notification is, most urgent first. */
public enum Urgency {
    /** Damage is happening: an open damage case. */
    EMERGENCY,
    /** Needs attention soon: an escalated isolation order, a cross-tenant warning, a known-exploited hole. */
    HIGH,
    /** Worth knowing. */
    NORMAL,
    /** Done with: a damage case closed. */
    INFO
}
