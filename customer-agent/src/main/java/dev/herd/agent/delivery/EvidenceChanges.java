package dev.herd.agent.delivery;

import dev.herd.agent.network.ListeningSocket;
import dev.herd.agent.report.MachineReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What changed between two reports apart from packages (those go in a {@link PackageDelta}): the parts whose change is
 * evidence the gateway and portal act on, named as the report names them. The time of collection is not evidence, and
 * neither is a listening socket's inode or process id: a service restarted on the same port has changed nothing.
 */
final class EvidenceChanges {

    private record Part(String name, Function<MachineReport, Object> value) {}

    private static final List<Part> PARTS = List.of(
            new Part("os", MachineReport::os),
            new Part("interfaces", MachineReport::interfaces),
            new Part("listening", EvidenceChanges::listening),
            new Part("hardware", MachineReport::hardware),
            new Part("watchedFiles", MachineReport::watchedFiles),
            new Part("privilegedLogins", MachineReport::privilegedLogins),
            new Part("networkConfigChanges", MachineReport::networkConfigChanges),
            new Part("antivirus", MachineReport::antivirus));

    private EvidenceChanges() {}

    /** The names of the parts that differ, in report order; empty when none does. */
    static List<String> between(MachineReport before, MachineReport after) {
        List<String> changed = new ArrayList<>();
        for (Part part : PARTS) {
            if (!Objects.equals(part.value().apply(before), part.value().apply(after))) {
                changed.add(part.name());
            }
        }
        return changed;
    }

    private record Endpoint(String protocol, String address, int port, String process) {}

    private static Set<Endpoint> listening(MachineReport report) {
        return report.listening() == null
                ? Set.of()
                : report.listening().stream().map(EvidenceChanges::endpoint).collect(Collectors.toSet());
    }

    private static Endpoint endpoint(ListeningSocket socket) {
        return new Endpoint(socket.protocol(), socket.address(), socket.port(), socket.process());
    }
}
