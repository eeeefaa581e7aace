package dev.herd.portal.webhook;

import java.util.Map;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * The security event log: category {@code herd.security}, which the syslog handler (and, with
 * {@code herd.security-log.json=true}, the console) writes as ECS JSON for SIEMs (docs/webhooks.md). Each event's
 * action, id and tenant travel as MDC fields beside the message.
 */
public final class SecurityLog {

    /** The log category security events are written to. */
    public static final String CATEGORY = "herd.security";

    private static final Logger LOG = Logger.getLogger(CATEGORY);

    private SecurityLog() {}

    /** Logs one security event: {@code action} (e.g. {@code damage_case.opened}), its id, tenant and details. */
    public static void event(String action, String id, String tenant, String details) {
        Map<String, String> fields = Map.of(
                "event.action",
                action,
                "event.id",
                id,
                "event.kind",
                "event",
                "herd.tenant",
                tenant == null ? "mssp" : tenant);
        fields.forEach(MDC::put);
        try {
            LOG.infof("%s at %s: %s", action, tenant == null ? "mssp" : tenant, details);
        } finally {
            fields.keySet().forEach(MDC::remove);
        }
    }
}
