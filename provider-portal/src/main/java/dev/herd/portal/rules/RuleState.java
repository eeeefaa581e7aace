package dev.herd.portal.rules;

/** Where a tenant's filter rule stands: proposed, in the published bundle, or taken out of it for good. */
public enum RuleState {
    PROPOSED,
    DEPLOYED,
    WITHDRAWN
}
