package dev.herd.portal.rules;

import dev.herd.portal.machine.Machine;
import java.util.ArrayList;
import java.util.List;

/**
 * The addresses of a machine a filter rule can name: those that are IP literals ({@link AddressBlock} parses them,
 * nothing is looked up). A machine with none is "unprotected": rules list it, bundles leave it out.
 */
public final class ProtectedAddresses {

    private ProtectedAddresses() {}

    public static List<String> of(Machine machine) {
        return machine == null ? new ArrayList<>() : of(machine.addresses);
    }

    /** The literal addresses among these (null: none). */
    public static List<String> of(List<String> addresses) {
        List<String> valid = new ArrayList<>();
        if (addresses == null) {
            return valid;
        }
        for (String address : addresses) {
            try {
                valid.add(AddressBlock.parse(address, "address").toString());
            } catch (IllegalArgumentException e) {
                // not a literal: this address cannot be filtered, the others still can
            }
        }
        return valid;
    }
}
