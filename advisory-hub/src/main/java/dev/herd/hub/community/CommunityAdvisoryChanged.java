package dev.herd.hub.community;

/**
 * CDI event, fired synchronously inside the transaction that changed a community advisory (a report applied to it,
 * or its revocation), after the change is flushed: observers see the new state and commit or roll back with it.
 */
public record CommunityAdvisoryChanged(String advisoryId) {}
