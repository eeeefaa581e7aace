package dev.herd.portal.rules;

import dev.herd.contracts.advisory.AdvisoryChanged;
import dev.herd.contracts.inventory.MachineInventory;
import dev.herd.portal.advisory.KnownAdvisory;
import dev.herd.portal.diagnosis.ExposedService;
import dev.herd.portal.diagnosis.FindingAction;
import dev.herd.portal.machine.Machine;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Which rules a tenant's open filter findings call for. FILTER and FILTER_UNTIL_PATCHED: one rule per (advisory,
 * mitigation with a port, a signature or an attacker's address) covering every affected machine; for an exposure
 * finding ({@code service:tcp/443}) only the mitigations of that service. HALT_SERVICE (the advisory has no
 * mitigation): halting the vulnerable service's exposure, one DROP rule per affected machine and TCP port it
 * listens on beyond loopback. Pure.
 */
final class RuleDrafter {

    private RuleDrafter() {}

    static Map<RuleDraft.Key, RuleDraft> draft(
            List<FilterFinding> findings, Map<UUID, Machine> machines, Map<String, KnownAdvisory> advisories) {
        Map<RuleDraft.Key, RuleDraft> drafts = new LinkedHashMap<>();
        for (FilterFinding finding : findings) {
            KnownAdvisory advisory = advisories.get(finding.advisoryId());
            Machine machine = machines.get(finding.machineId());
            if (advisory == null || machine == null) {
                continue;
            }
            if (finding.action() == FindingAction.HALT_SERVICE) {
                for (int port : exposedTcpPorts(machine)) {
                    add(
                            drafts,
                            new RuleDraft(
                                    advisory.id,
                                    "halt:" + machine.id + ":" + port,
                                    "tcp",
                                    port,
                                    null,
                                    null,
                                    "halting the vulnerable service's exposure on tcp/" + port + " of " + machine.name,
                                    new LinkedHashSet<>(List.of(machine.id))));
                }
                continue;
            }
            for (AdvisoryChanged.Mitigation mitigation : advisory.mitigations) {
                if (!ExposedService.covers(finding.packageName(), mitigation)) {
                    continue;
                }
                RuleDraft draft = fromMitigation(advisory.id, mitigation, machine.id);
                if (draft != null) {
                    add(drafts, draft);
                }
            }
        }
        return drafts;
    }

    private static void add(Map<RuleDraft.Key, RuleDraft> drafts, RuleDraft draft) {
        RuleDraft known = drafts.putIfAbsent(draft.key(), draft);
        if (known != null) {
            known.machines().addAll(draft.machines());
        }
    }

    private static RuleDraft fromMitigation(String advisoryId, AdvisoryChanged.Mitigation m, UUID machineId) {
        Integer port = m.port() != null && m.port() >= 0 && m.port() <= 65535 ? m.port() : null;
        String signature = m.signature() == null || m.signature().isEmpty() ? null : m.signature();
        String source = source(m.sourceAddress());
        if (port == null && signature == null && source == null) {
            return null;
        }
        String protocol = m.protocol() == null ? null : m.protocol().toLowerCase(Locale.ROOT);
        if (!"tcp".equals(protocol) && !"udp".equals(protocol)) {
            protocol = null;
        }
        String key = "m:" + (protocol == null ? "any" : protocol) + ":" + (port == null ? "any" : port) + ":"
                + (signature == null ? "-" : sha256(signature).substring(0, 16))
                + (source == null ? "" : ":src:" + source);
        String description = m.description() != null ? m.description() : m.service();
        return new RuleDraft(
                advisoryId,
                key,
                protocol,
                port,
                signature,
                source,
                description,
                new LinkedHashSet<>(List.of(machineId)));
    }

    /** The attacker's address re-printed from its parsed value, or null when there is none or it is unusable. */
    private static String source(String sourceAddress) {
        if (sourceAddress == null || sourceAddress.isBlank()) {
            return null;
        }
        try {
            return AddressBlock.parse(sourceAddress.strip(), "sourceAddress").toString();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** TCP ports the machine listens on from outside (any address but loopback), ascending. */
    static TreeSet<Integer> exposedTcpPorts(Machine machine) {
        TreeSet<Integer> ports = new TreeSet<>();
        for (MachineInventory.ListeningPort listening : machine.listening) {
            String address = listening.address() == null ? "" : listening.address();
            boolean loopback = address.startsWith("127.") || address.equals("::1") || address.equals("[::1]");
            if (listening.protocol() != null && listening.protocol().startsWith("tcp") && !loopback) {
                ports.add(listening.port());
            }
        }
        return ports;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
