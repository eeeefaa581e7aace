package dev.herd.portal.warning;

import java.util.Set;
import java.util.UUID;

/**
 * The same damage at two or more tenants within the window: the indicator, the attacked service when known, the
 * reporting tenants and their damaged machines. Tenants and machines stay inside the portal; a warning only counts
 * them.
 */
public record Anomaly(String indicator, String protocol, Integer port, Set<String> tenants, Set<UUID> machines) {

    public Anomaly {
        tenants = Set.copyOf(tenants);
        machines = Set.copyOf(machines);
    }

    /** What makes two detections the same anomaly (one warning per tenant and key). */
    public String key() {
        return "sig:" + indicator + "|" + (protocol == null ? "" : protocol) + ":" + (port == null ? "" : port);
    }

    /** The attacked service as people read it ({@code tcp/443}), or null when the flows did not say. */
    public String service() {
        return service(protocol, port);
    }

    static String service(String protocol, Integer port) {
        return port == null ? null : (protocol == null ? "any" : protocol) + "/" + port;
    }
}
