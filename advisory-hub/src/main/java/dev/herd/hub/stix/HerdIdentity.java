package dev.herd.hub.stix;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * The two STIX objects every indicator Herd serves points at: Herd's identity ({@code created_by_ref}) and the
 * TLP:GREEN marking definition (community-wide sharing, not public), exactly as STIX 2.1 §7.2.1.4 defines it.
 */
public final class HerdIdentity {

    /** When Herd's identity object was first made: fixed, so every instance serves the same object version. */
    static final Instant CREATED = Instant.parse("2025-01-01T00:00:00Z");

    private HerdIdentity() {}

    public static ObjectNode identity() {
        ObjectNode identity = JsonNodeFactory.instance.objectNode();
        identity.put("type", "identity");
        identity.put("spec_version", "2.1");
        identity.put("id", StixIds.HERD_IDENTITY);
        identity.put("created", StixTime.millis(CREATED));
        identity.put("modified", StixTime.millis(CREATED));
        identity.put("name", "Herd");
        identity.put(
                "description",
                "Herd, a managed security service platform: community indicators learnt from damage at its clients, "
                        + "never naming the client.");
        identity.put("identity_class", "organization");
        identity.putArray("sectors").add("technology");
        identity.putArray("object_marking_refs").add(StixIds.TLP_GREEN);
        return identity;
    }

    public static ObjectNode tlpGreen() {
        ObjectNode marking = JsonNodeFactory.instance.objectNode();
        marking.put("type", "marking-definition");
        marking.put("spec_version", "2.1");
        marking.put("id", StixIds.TLP_GREEN);
        marking.put("created", "2017-01-20T00:00:00.000Z");
        marking.put("definition_type", "tlp");
        marking.put("name", "TLP:GREEN");
        marking.putObject("definition").put("tlp", "green");
        return marking;
    }
}
