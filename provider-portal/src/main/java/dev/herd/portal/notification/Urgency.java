package dev.herd.portal.notification;

/** How urgent a notification is, most urgent first. */
public enum Urgency {
    /** Damage is happening: an open damage case. */
    EMERGENCY,
    /**
     * Needs attention soon: an escalated isolation order, a cross-tenant warning, a known-exploited hole, a network
     * configuration file more people may write than expected.
     */
    HIGH,
    /** Worth knowing: a network configuration file whose permissions differ from the expected ones otherwise. */
    NORMAL,
    /** Done with: a damage case closed. */
    INFO
}
