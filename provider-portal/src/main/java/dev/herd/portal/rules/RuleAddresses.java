package dev.herd.portal.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The addresses of one rule, normalised for set elements: canonical text, sorted, without duplicates and without
 * blocks that a wider block in the list already covers (nftables refuses overlapping intervals in one set).
 */
record RuleAddresses(List<String> ipv4, List<String> ipv6) {

    static RuleAddresses of(List<String> addresses) {
        AddressBlock[] blocks = new AddressBlock[addresses.size()];
        for (int i = 0; i < blocks.length; i++) {
            blocks[i] = AddressBlock.parse(addresses.get(i), "addresses[" + i + "]");
        }
        Arrays.sort(blocks);
        List<String> ipv4 = new ArrayList<>();
        List<String> ipv6 = new ArrayList<>();
        AddressBlock kept = null;
        for (AddressBlock block : blocks) {
            // Sorted by start then widest first, and CIDR blocks nest or are disjoint: only the last kept block
            // can cover this one.
            if (kept != null && kept.covers(block)) {
                continue;
            }
            kept = block;
            (block.ipv6() ? ipv6 : ipv4).add(block.toString());
        }
        return new RuleAddresses(List.copyOf(ipv4), List.copyOf(ipv6));
    }

    int size() {
        return ipv4.size() + ipv6.size();
    }

    /** The addresses of one family: {@code ipv4} for {@code "v4"}, {@code ipv6} for {@code "v6"}. */
    List<String> family(String family) {
        return family.equals("v4") ? ipv4 : ipv6;
    }
}
