package dev.herd.portal.machine;

import dev.herd.contracts.inventory.MachineInventory;
import java.util.Locale;
import java.util.Optional;

/**
 * A (protocol, port) a machine listens on beyond loopback, as exposure sees it: {@code tcp6} is {@code tcp},
 * {@code udp6} is {@code udp}; other protocols, loopback addresses and ports outside 0-65535 expose nothing. The
 * backfill of {@code V16__machine_listening.sql} repeats this rule in SQL. Pure.
 */
public record OpenPort(String protocol, int port) {

    /** The protocols exposure knows. */
    public static final String TCP = "tcp";

    public static final String UDP = "udp";

    public static final int MAX_PORT = 65_535;

    /** What a listening socket exposes, or nothing (loopback, another protocol, a port out of range). */
    public static Optional<OpenPort> of(MachineInventory.ListeningPort listening) {
        String protocol = normalised(listening.protocol());
        if (protocol == null || loopback(listening.address()) || listening.port() < 0 || listening.port() > MAX_PORT) {
            return Optional.empty();
        }
        return Optional.of(new OpenPort(protocol, listening.port()));
    }

    /** {@code tcp} or {@code udp} for any protocol name that starts with one of them, otherwise null. */
    public static String normalised(String protocol) {
        String p = protocol == null ? "" : protocol.toLowerCase(Locale.ROOT);
        return p.startsWith(TCP) ? TCP : p.startsWith(UDP) ? UDP : null;
    }

    private static boolean loopback(String address) {
        String a = address == null ? "" : address;
        return a.startsWith("127.") || a.equals("::1") || a.equals("[::1]") || a.equalsIgnoreCase("localhost");
    }
}
