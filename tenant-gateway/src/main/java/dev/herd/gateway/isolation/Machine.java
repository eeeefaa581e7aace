package dev.herd.gateway.isolation;

import dev.herd.contracts.problem.HerdException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A machine to isolate, by MAC address and/or IP address; both are validated and normalised here, so that only
 * well-formed addresses ever reach a ruleset.
 */
public record Machine(Optional<String> mac, Optional<InetAddress> address) {

    private static final Pattern MAC = Pattern.compile("[0-9a-f]{2}([:-])[0-9a-f]{2}(\\1[0-9a-f]{2}){4}");
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-f:.]{2,45}");

    public Machine {
        if (mac.isEmpty() && address.isEmpty()) {
            throw HerdException.badRequest("machine-unidentified", "A machine needs a MAC address or an IP address.");
        }
    }

    /** A machine from its textual MAC and IP address, either of which may be null or blank; bad text is a 400. */
    public static Machine of(String mac, String ip) {
        return new Machine(
                blank(mac) ? Optional.empty() : Optional.of(mac(mac)),
                blank(ip) ? Optional.empty() : Optional.of(ip(ip)));
    }

    /** The MAC address in lower case with colons, e.g. {@code 52:54:00:12:34:56}; a 400 problem when malformed. */
    public static String mac(String text) {
        String lower = text.trim().toLowerCase(Locale.ROOT);
        if (!MAC.matcher(lower).matches()) {
            throw HerdException.badRequest("mac-invalid", "'" + text + "' is not a MAC address (aa:bb:cc:dd:ee:ff).");
        }
        return lower.replace('-', ':');
    }

    /** An IPv4 or IPv6 address literal (never a host name: nothing is looked up); a 400 problem when malformed. */
    public static InetAddress ip(String text) {
        String lower = text.trim().toLowerCase(Locale.ROOT);
        boolean v4 = IPV4.matcher(lower).matches()
                && Arrays.stream(lower.split("\\.")).allMatch(octet -> Integer.parseInt(octet) <= 255);
        boolean v6 = lower.contains(":") && IPV6.matcher(lower).matches();
        if (v4 || v6) {
            try {
                InetAddress parsed = InetAddress.getByName(lower);
                if ((v4 && parsed instanceof Inet4Address) || (v6 && parsed instanceof Inet6Address)) {
                    return parsed;
                }
            } catch (UnknownHostException e) {
                throw invalidIp(text);
            }
        }
        throw invalidIp(text);
    }

    private static HerdException invalidIp(String text) {
        return HerdException.badRequest("ip-invalid", "'" + text + "' is not an IPv4 or IPv6 address.");
    }

    public boolean hasAddress() {
        return address.isPresent();
    }

    /** The address as nftables writes it, e.g. {@code 10.0.0.5} or {@code 2001:db8:0:0:0:0:0:5}. */
    public Optional<String> addressText() {
        return address.map(InetAddress::getHostAddress);
    }

    public boolean isIpv6() {
        return address.filter(a -> a instanceof Inet6Address).isPresent();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
