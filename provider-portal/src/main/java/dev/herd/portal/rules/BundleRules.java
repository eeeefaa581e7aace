package dev.herd.portal.rules;

import java.util.List;

/** Rules another feature adds to every bundle revision of a tenant: the interconnection decisions (DESIGN §3.6). */
public interface BundleRules {

    /** The rules the next bundle holds, recorded as enforced; called by the publisher for every bundle. */
    List<Enforced> enforce(String tenantId);

    /** A rule for the bundle and the names of the machines it protects. */
    record Enforced(FilterRule rule, List<String> machineNames) {}
}
