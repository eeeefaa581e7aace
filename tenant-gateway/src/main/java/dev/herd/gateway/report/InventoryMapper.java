package dev.herd.gateway.report;

import dev.herd.contracts.inventory.MachineInventory;
import dev.herd.gateway.agent.Agent;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/** Cuts a machine report down to what diagnosis needs (DESIGN §3.2): identity, OS, packages and listening ports. */
final class InventoryMapper {

    private InventoryMapper() {}

    static MachineInventory of(Agent agent, ReportSubmission s, Instant receivedAt) {
        ReportSubmission.Os os = s.report().os();
        MachineInventory.Kind kind = MachineInventory.Kind.valueOf(s.kind());
        List<ReportSubmission.Package> upserts = kind == MachineInventory.Kind.FULL
                ? s.report().packages()
                : Stream.concat(
                                orEmpty(s.delta().added()).stream(),
                                orEmpty(s.delta().changed()).stream())
                        .toList();
        List<ReportSubmission.Package> removed = kind == MachineInventory.Kind.FULL
                ? List.of()
                : orEmpty(s.delta().removed());
        List<MachineInventory.ListeningPort> listening = orEmpty(s.report().listening()).stream()
                .filter(Objects::nonNull)
                .filter(l -> l.port() != null)
                .map(l -> new MachineInventory.ListeningPort(l.protocol(), l.address(), l.port()))
                .toList();
        String hostname = os.hostname() == null || os.hostname().isBlank() ? agent.hostname : os.hostname();
        return new MachineInventory(
                agent.tenantId,
                agent.id,
                agent.machineId,
                hostname,
                os.id(),
                os.versionId(),
                os.architecture(),
                s.sequence(),
                kind,
                refs(upserts),
                refs(removed),
                listening,
                addresses(s.report().interfaces()),
                receivedAt);
    }

    private static List<MachineInventory.PackageRef> refs(List<ReportSubmission.Package> packages) {
        return packages.stream()
                .map(p -> new MachineInventory.PackageRef(
                        p.name(), p.version(), p.architecture(), p.sourceName(), p.sourceVersion()))
                .toList();
    }

    /** The interfaces' addresses without prefix lengths, leaving out loopback and link-local ones. */
    private static List<String> addresses(List<ReportSubmission.Interface> interfaces) {
        return orEmpty(interfaces).stream()
                .filter(Objects::nonNull)
                .flatMap(i -> Stream.concat(orEmpty(i.ipv4()).stream(), orEmpty(i.ipv6()).stream()))
                .filter(Objects::nonNull)
                .map(a -> a.contains("/") ? a.substring(0, a.indexOf('/')) : a)
                .filter(a -> !a.startsWith("127.")
                        && !a.equals("::1")
                        && !a.toLowerCase().startsWith("fe80:"))
                .distinct()
                .toList();
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
