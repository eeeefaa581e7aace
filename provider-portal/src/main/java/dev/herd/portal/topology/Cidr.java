package dev.herd.portal.topology;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/** An IPv4 or IPv6 network in CIDR notation ({@code 10.0.0.0/24}); parsed without ever resolving a name. */
public record Cidr(byte[] network, int prefix) {

    private static final Pattern IPV4 =
            Pattern.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    /** The network, or empty when the text is not {@code address/prefix} with a prefix that fits the address. */
    public static Optional<Cidr> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        int slash = text.indexOf('/');
        if (slash < 0 || !text.substring(slash + 1).matches("\\d{1,3}")) {
            return Optional.empty();
        }
        Optional<byte[]> address = address(text.substring(0, slash));
        int prefix = Integer.parseInt(text.substring(slash + 1));
        if (address.isEmpty() || prefix > address.get().length * 8) {
            return Optional.empty();
        }
        return Optional.of(new Cidr(mask(address.get(), prefix), prefix));
    }

    /** The bytes of an address literal (a trailing {@code /prefix} is ignored), or empty when it is none. */
    public static Optional<byte[]> address(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String literal = text.contains("/") ? text.substring(0, text.indexOf('/')) : text;
        boolean v4 = IPV4.matcher(literal).matches();
        // Only hex digits, colons and dots with a colon: InetAddress parses it as a literal, no lookup.
        boolean v6 = literal.contains(":") && IPV6_CHARS.matcher(literal).matches();
        if (!v4 && !v6) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(literal).getAddress());
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    public boolean contains(byte[] address) {
        return address.length == network.length && java.util.Arrays.equals(mask(address, prefix), network);
    }

    /** How many addresses the network holds; smaller networks are more specific. */
    public BigInteger size() {
        return BigInteger.ONE.shiftLeft(network.length * 8 - prefix);
    }

    private static byte[] mask(byte[] address, int prefix) {
        byte[] masked = address.clone();
        for (int bit = prefix; bit < masked.length * 8; bit++) {
            masked[bit / 8] &= (byte) ~(0x80 >> (bit % 8));
        }
        return masked;
    }
}
