package dev.herd.portal.rules;

/** What a filter rule does with matching traffic to the protected machines. */
public enum RuleAction {
    /** Silently discard matching packets. */
    DROP,
    /** Discard and answer with a TCP reset or an ICMP unreachable, so clients fail fast. */
    REJECT,
    /** Discard only the packets beyond {@link FilterRule#rateLimitPerSecond()} per second. */
    RATE_LIMIT
}
