package dev.herd.portal.diagnosis;

import dev.herd.contracts.advisory.AdvisoryChanged;
import java.util.Locale;

/**
 * How an exposure finding names what exposes a machine, in the place of a package name: {@code service:tcp/443}
 * for a mitigation's protocol and port, {@code service:any} for a mitigation without a port (an attacker's address
 * or a payload signature on any service). Pure.
 */
public final class ExposedService {

    /** The package-name prefix of exposure findings. */
    public static final String PREFIX = "service:";

    private ExposedService() {}

    /** The name under which {@code mitigation} exposes machines. */
    public static String of(AdvisoryChanged.Mitigation mitigation) {
        if (mitigation.port() == null) {
            return PREFIX + "any";
        }
        return PREFIX + protocol(mitigation) + "/" + mitigation.port();
    }

    /** Whether a finding on {@code packageName} is answered by {@code mitigation} (every mitigation for packages). */
    public static boolean covers(String packageName, AdvisoryChanged.Mitigation mitigation) {
        return packageName == null || !packageName.startsWith(PREFIX) || packageName.equals(of(mitigation));
    }

    /** Whether a mitigation can filter anything: a port, a payload signature or an attacker's address. */
    public static boolean filters(AdvisoryChanged.Mitigation mitigation) {
        return mitigation.port() != null
                || (mitigation.signature() != null && !mitigation.signature().isEmpty())
                || (mitigation.sourceAddress() != null
                        && !mitigation.sourceAddress().isBlank());
    }

    /** {@code tcp}, {@code udp} or {@code any}. */
    static String protocol(AdvisoryChanged.Mitigation mitigation) {
        String protocol =
                mitigation.protocol() == null ? "" : mitigation.protocol().toLowerCase(Locale.ROOT);
        return protocol.equals("tcp") || protocol.equals("udp") ? protocol : "any";
    }
}
