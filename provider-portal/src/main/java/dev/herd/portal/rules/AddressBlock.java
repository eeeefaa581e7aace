package dev.herd.portal.rules;

/**
 * One IPv4 or IPv6 address or CIDR block, parsed from its literal text without any name lookup. IPv4 values sit in
 * the low 32 bits of {@code low}; IPv6 values use {@code high} and {@code low} as the two 64-bit halves.
 */
record AddressBlock(boolean ipv6, long high, long low, int prefix) implements Comparable<AddressBlock> {

    /** Parses {@code text}; throws {@link IllegalArgumentException} naming {@code field} when it is not a literal. */
    static AddressBlock parse(String text, String field) {
        if (text == null) {
            throw new IllegalArgumentException(field + " must not be null");
        }
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        boolean ipv6 = address.indexOf(':') >= 0;
        int maxPrefix = ipv6 ? 128 : 32;
        int prefix = slash < 0 ? maxPrefix : parsePrefix(text.substring(slash + 1), maxPrefix);
        long high = 0;
        long low;
        if (ipv6) {
            long[] halves = parseIpv6(address);
            if (halves == null) {
                throw notAnAddress(text, field);
            }
            high = halves[0];
            low = halves[1];
        } else {
            low = parseIpv4(address, 0, address.length());
            if (low < 0) {
                throw notAnAddress(text, field);
            }
        }
        if (prefix < 0) {
            throw new IllegalArgumentException(
                    field + ": '" + printable(text) + "' has a prefix length outside 0.." + maxPrefix);
        }
        AddressBlock block = new AddressBlock(ipv6, high, low, prefix);
        if (block.hostBitsSet()) {
            throw new IllegalArgumentException(field + ": '" + printable(text) + "' has host bits set below the /"
                    + prefix + " prefix; give the network address");
        }
        return block;
    }

    /** True when {@code other} lies entirely inside this block (CIDR blocks either nest or are disjoint). */
    boolean covers(AddressBlock other) {
        if (ipv6 != other.ipv6 || other.prefix < prefix) {
            return false;
        }
        int hostBits = (ipv6 ? 128 : 32) - prefix;
        AddressBlock widened = new AddressBlock(ipv6, other.high, other.low, prefix);
        return mask(widened, hostBits).equals(this);
    }

    @Override
    public int compareTo(AddressBlock other) {
        int order = Boolean.compare(ipv6, other.ipv6);
        if (order == 0) {
            order = Long.compareUnsigned(high, other.high);
        }
        if (order == 0) {
            order = Long.compareUnsigned(low, other.low);
        }
        return order != 0 ? order : Integer.compare(prefix, other.prefix);
    }

    /** The canonical text: dotted quad, or RFC 5952 IPv6 (lower case, longest zero run as {@code ::}). */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(ipv6 ? 40 : 18);
        appendTo(out);
        return out.toString();
    }

    void appendTo(StringBuilder out) {
        if (ipv6) {
            appendIpv6(out);
        } else {
            out.append((low >>> 24) & 0xff)
                    .append('.')
                    .append((low >>> 16) & 0xff)
                    .append('.');
            out.append((low >>> 8) & 0xff).append('.').append(low & 0xff);
        }
        if (prefix != (ipv6 ? 128 : 32)) {
            out.append('/').append(prefix);
        }
    }

    private void appendIpv6(StringBuilder out) {
        int[] groups = new int[8];
        for (int i = 0; i < 4; i++) {
            groups[i] = (int) (high >>> (48 - 16 * i)) & 0xffff;
            groups[i + 4] = (int) (low >>> (48 - 16 * i)) & 0xffff;
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLength - 1;
                continue;
            }
            if (i > 0 && i != bestStart + bestLength) {
                out.append(':');
            }
            out.append(Integer.toHexString(groups[i]));
        }
    }

    private boolean hostBitsSet() {
        return !mask(this, (ipv6 ? 128 : 32) - prefix).equals(this);
    }

    private static AddressBlock mask(AddressBlock block, int hostBits) {
        long low = block.low;
        long high = block.high;
        if (hostBits >= 64) {
            low = 0;
            high = hostBits >= 128 ? 0 : high & (-1L << (hostBits - 64));
        } else if (hostBits > 0) {
            low = low & (-1L << hostBits);
        }
        return new AddressBlock(block.ipv6, high, low, block.prefix);
    }

    private static int parsePrefix(String text, int max) {
        if (text.isEmpty() || text.length() > 3) {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value <= max ? value : -1;
    }

    /** Four decimal octets without leading zeros (which some tools read as octal); -1 when not one. */
    private static long parseIpv4(String s, int from, int to) {
        long value = 0;
        int octets = 0;
        int i = from;
        while (octets < 4) {
            int start = i;
            int octet = 0;
            while (i < to && i - start < 4 && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                octet = octet * 10 + (s.charAt(i) - '0');
                i++;
            }
            int digits = i - start;
            if (digits == 0 || digits > 3 || octet > 255 || (digits > 1 && s.charAt(start) == '0')) {
                return -1;
            }
            value = (value << 8) | octet;
            octets++;
            if (octets < 4) {
                if (i >= to || s.charAt(i) != '.') {
                    return -1;
                }
                i++;
            }
        }
        return i == to ? value : -1;
    }

    /** Hex groups with at most one {@code ::} and an optional dotted IPv4 tail; null when not one. */
    private static long[] parseIpv6(String s) {
        int[] groups = new int[8];
        int doubleColon = s.indexOf("::");
        int count;
        if (doubleColon < 0) {
            count = parseGroups(s, 0, s.length(), groups, 0, true);
            if (count != 8) {
                return null;
            }
        } else {
            if (s.indexOf("::", doubleColon + 1) >= 0) {
                return null;
            }
            int[] tail = new int[8];
            int head = parseGroups(s, 0, doubleColon, groups, 0, false);
            int tailCount = parseGroups(s, doubleColon + 2, s.length(), tail, 0, true);
            if (head < 0 || tailCount < 0 || head + tailCount > 7) {
                return null;
            }
            System.arraycopy(tail, 0, groups, 8 - tailCount, tailCount);
        }
        long high = 0;
        long low = 0;
        for (int i = 0; i < 4; i++) {
            high = (high << 16) | groups[i];
            low = (low << 16) | groups[i + 4];
        }
        return new long[] {high, low};
    }

    /** Parses colon-separated groups of s[from, to) into groups[at..]; returns how many, or -1. */
    private static int parseGroups(String s, int from, int to, int[] groups, int at, boolean ipv4Tail) {
        if (from == to) {
            return 0;
        }
        int count = at;
        int i = from;
        while (true) {
            int start = i;
            int value = 0;
            while (i < to && s.charAt(i) != ':' && s.charAt(i) != '.' && i - start < 5) {
                int digit = Character.digit(s.charAt(i), 16);
                if (digit < 0) {
                    return -1;
                }
                value = (value << 4) | digit;
                i++;
            }
            if (i < to && s.charAt(i) == '.') {
                long ipv4 = ipv4Tail && count <= 6 ? parseIpv4(s, start, to) : -1;
                if (ipv4 < 0) {
                    return -1;
                }
                groups[count++] = (int) (ipv4 >>> 16);
                groups[count++] = (int) (ipv4 & 0xffff);
                return count - at;
            }
            if (i == start || i - start > 4 || count >= 8) {
                return -1;
            }
            groups[count++] = value;
            if (i == to) {
                return count - at;
            }
            i++; // the ':'
            if (i == to) {
                return -1;
            }
        }
    }

    private static IllegalArgumentException notAnAddress(String text, String field) {
        return new IllegalArgumentException(field + ": '" + printable(text)
                + "' is not an IPv4/IPv6 address or CIDR literal (host names are not accepted)");
    }

    /** The input for an error message: at most 64 characters, control characters shown as '?'. */
    static String printable(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length() && i < 64; i++) {
            char c = text.charAt(i);
            out.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
        return text.length() > 64 ? out.append("...").toString() : out.toString();
    }
}
