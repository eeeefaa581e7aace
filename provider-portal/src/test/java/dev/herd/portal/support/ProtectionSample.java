package dev.herd.portal.support;

import dev.herd.contracts.advisory.AdvisoryChanged;
import dev.herd.contracts.inventory.MachineInventory;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A small fleet for protection tests: Debian 12 machines with openssl 3.0.11-1~deb12u1 (binaries libssl3 and
 * openssl) listening on tcp 22 and 443, and advisories against openssl fixed in 3.0.11-1~deb12u2.
 */
public final class ProtectionSample {

    public static final String INSTALLED = "3.0.11-1~deb12u1";
    public static final String FIXED = "3.0.11-1~deb12u2";

    private ProtectionSample() {}

    public static MachineInventory machine(String tenant, String name, List<String> addresses) {
        return machine(tenant, name, name, addresses);
    }

    /** A machine whose agent reports {@code machineId} (its /etc/machine-id) beside its host {@code name}. */
    public static MachineInventory machine(String tenant, String name, String machineId, List<String> addresses) {
        return new MachineInventory(
                tenant,
                DebianSample.machineId(tenant, name),
                machineId,
                name,
                "debian",
                "12",
                "amd64",
                1,
                MachineInventory.Kind.FULL,
                List.of(
                        new MachineInventory.PackageRef("openssl", INSTALLED, "amd64", "openssl", INSTALLED),
                        new MachineInventory.PackageRef("libssl3", INSTALLED, "amd64", "openssl", INSTALLED),
                        new MachineInventory.PackageRef("bash", "5.2.15-2+b2", "amd64", "bash", "5.2.15-2")),
                List.of(),
                List.of(
                        new MachineInventory.ListeningPort("tcp", "0.0.0.0", 22),
                        new MachineInventory.ListeningPort("tcp6", "::", 443),
                        new MachineInventory.ListeningPort("tcp", "127.0.0.1", 5432)),
                addresses,
                Instant.now());
    }

    /** A known-exploited advisory against openssl with a tcp/443 mitigation and a payload signature one. */
    public static AdvisoryChanged exploited(String id) {
        return advisory(
                id,
                true,
                null,
                List.of(
                        new AdvisoryChanged.Mitigation(
                                "tcp", 443, "https", null, "block TLS to the vulnerable server", null),
                        new AdvisoryChanged.Mitigation(
                                "tcp", 443, "https", "\u0018\u0003\u0003HEARTBLEED", "malformed heartbeat", null)));
    }

    /** An advisory that is neither known-exploited nor an emergency, with a CVSS score and a udp/161 mitigation. */
    public static AdvisoryChanged severe(String id, double cvss) {
        return advisory(
                id, false, cvss, List.of(new AdvisoryChanged.Mitigation("udp", 161, "snmp", null, "no SNMP", null)));
    }

    private static AdvisoryChanged advisory(
            String id, boolean exploited, Double cvss, List<AdvisoryChanged.Mitigation> mitigations) {
        AdvisoryChanged.Affected affected = new AdvisoryChanged.Affected(
                "Debian:12",
                "openssl",
                List.of(new AdvisoryChanged.Range(
                        "ECOSYSTEM",
                        List.of(
                                new AdvisoryChanged.Event("0", null, null, null),
                                new AdvisoryChanged.Event(null, FIXED, null, null)))),
                List.of(),
                List.of(),
                "DEBIAN-" + id);
        return new AdvisoryChanged(
                id,
                AdvisoryChanged.Change.CREATED,
                true,
                exploited,
                0,
                List.of(new AdvisoryChanged.PackageRef("Debian:12", "openssl")),
                Instant.now(),
                "openssl " + id,
                "HIGH",
                cvss,
                List.of(id),
                List.of(affected),
                mitigations,
                List.of(new AdvisoryChanged.Patch("Debian:12", "openssl", FIXED, null, null)));
    }

    public static UUID id(String tenant, String name) {
        return DebianSample.machineId(tenant, name);
    }
}
