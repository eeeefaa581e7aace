package dev.herd.hub.taxii;

import dev.herd.contracts.problem.HerdException;
import java.util.Locale;

/**
 * TAXII 2.1 content negotiation (§1.6.8): every answer is {@value #TAXII}; a request whose {@code Accept} admits
 * neither it nor a wildcard is refused with 406. A {@code version} other than 2.1 is refused too.
 */
final class TaxiiMediaType {

    static final String TAXII = "application/taxii+json;version=2.1";
    static final String STIX = "application/stix+json;version=2.1";

    private TaxiiMediaType() {}

    /** Throws the 406 problem unless {@code accept} admits a TAXII 2.1 answer; no header admits anything. */
    static void require(String accept) {
        if (accept == null || accept.isBlank() || admits(accept)) {
            return;
        }
        throw new HerdException(
                406,
                "not-acceptable",
                "The TAXII API answers only " + TAXII + "; send it in Accept (TAXII 2.1 section 1.6.8).");
    }

    private static boolean admits(String accept) {
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            String type = parts[0].strip().toLowerCase(Locale.ROOT);
            String version = null;
            boolean refused = false;
            for (int i = 1; i < parts.length; i++) {
                String[] parameter = parts[i].split("=", 2);
                String name = parameter[0].strip().toLowerCase(Locale.ROOT);
                String value = parameter.length == 2 ? parameter[1].strip().replace("\"", "") : "";
                if (name.equals("version")) {
                    version = value;
                } else if (name.equals("q") && value.matches("0(\\.0*)?")) {
                    refused = true;
                }
            }
            if (refused) {
                continue;
            }
            if (type.equals("*/*") || type.equals("application/*")) {
                return true;
            }
            if (type.equals("application/taxii+json") && (version == null || version.equals("2.1"))) {
                return true;
            }
        }
        return false;
    }
}
