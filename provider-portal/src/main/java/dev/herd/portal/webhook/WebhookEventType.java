package dev.herd.portal.webhook;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.herd.contracts.problem.HerdException;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The kinds of event a webhook can ask for, by the name they carry in the payload's {@code type}. */
public enum WebhookEventType {
    /** Findings of a known-exploited advisory opened (or reopened) at a tenant, or an advisory became one. */
    FINDING_KNOWN_EXPLOITED("finding.known_exploited"),
    /** A damage case was opened at a tenant. */
    DAMAGE_CASE_OPENED("damage_case.opened"),
    /** A damage case was closed (its isolation lifted). */
    DAMAGE_CASE_CLOSED("damage_case.closed"),
    /** A cross-tenant warning was raised at a tenant. */
    WARNING_RAISED("warning.raised"),
    /** The recovery broker gave up on an isolation or recovery order. */
    ORDER_ESCALATED("order.escalated");

    private final String wireName;

    WebhookEventType(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** The type named {@code name}; a 400 problem listing the known ones otherwise. */
    @JsonCreator
    public static WebhookEventType parse(String name) {
        return Arrays.stream(values())
                .filter(t -> t.wireName.equals(name))
                .findFirst()
                .orElseThrow(() -> HerdException.badRequest(
                        "unknown-event-type",
                        "Unknown event type '" + name + "'; known: "
                                + Arrays.stream(values())
                                        .map(WebhookEventType::wireName)
                                        .collect(Collectors.joining(", "))
                                + "."));
    }
}
