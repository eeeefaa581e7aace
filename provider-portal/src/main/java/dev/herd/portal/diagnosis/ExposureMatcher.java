package dev.herd.portal.diagnosis;

import dev.herd.contracts.advisory.AdvisoryChanged;
import dev.herd.contracts.inventory.MachineInventory;
import dev.herd.portal.advisory.KnownAdvisory;
import dev.herd.portal.machine.Machine;
import dev.herd.portal.machine.OpenPort;
import dev.herd.portal.match.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Matches machines by exposure rather than by package: a machine is exposed to a filtering mitigation when it listens
 * beyond loopback on the mitigation's protocol and port; a mitigation without a port (an attacker's address, a
 * signature on any service) exposes every machine. Verdicts name the service ({@link ExposedService}), say
 * {@code listening} as the installed version, have no fix, and cite the advisory. Pure.
 */
public final class ExposureMatcher {

    static final String LISTENING = "listening";

    private ExposureMatcher() {}

    /** Whether diagnosis matches this advisory by exposure: it has mitigations but names no affected package. */
    public static boolean byExposure(KnownAdvisory advisory) {
        return advisory.affected.isEmpty() && !advisory.mitigations.isEmpty();
    }

    /** The exposure verdicts of one machine against one advisory (none for a withdrawn advisory). */
    public static List<Verdict> verdicts(Machine machine, KnownAdvisory advisory) {
        if (advisory.withdrawn || !byExposure(advisory)) {
            return List.of();
        }
        Set<String> services = new LinkedHashSet<>();
        for (AdvisoryChanged.Mitigation mitigation : advisory.mitigations) {
            if (ExposedService.filters(mitigation) && (mitigation.port() == null || listens(machine, mitigation))) {
                services.add(ExposedService.of(mitigation));
            }
        }
        List<Verdict> verdicts = new ArrayList<>(services.size());
        for (String service : services) {
            verdicts.add(new Verdict(advisory.id, service, LISTENING, null, advisory.id));
        }
        return verdicts;
    }

    /**
     * The open ports whose machines this advisory exposes, so exposure reads only those machines; empty when a
     * filtering mitigation has no port (an attacker's address or a signature on any service exposes every machine).
     */
    public static Optional<Set<OpenPort>> ports(KnownAdvisory advisory) {
        Set<OpenPort> ports = new LinkedHashSet<>();
        for (AdvisoryChanged.Mitigation mitigation : advisory.mitigations) {
            if (!ExposedService.filters(mitigation)) {
                continue;
            }
            if (mitigation.port() == null) {
                return Optional.empty();
            }
            String protocol = ExposedService.protocol(mitigation);
            for (String p : protocol.equals("any") ? List.of(OpenPort.TCP, OpenPort.UDP) : List.of(protocol)) {
                ports.add(new OpenPort(p, mitigation.port()));
            }
        }
        return Optional.of(ports);
    }

    private static boolean listens(Machine machine, AdvisoryChanged.Mitigation mitigation) {
        String protocol = ExposedService.protocol(mitigation);
        for (MachineInventory.ListeningPort listening : machine.listening) {
            Optional<OpenPort> open = OpenPort.of(listening);
            if (open.isPresent()
                    && open.get().port() == mitigation.port()
                    && (protocol.equals("any") || protocol.equals(open.get().protocol()))) {
                return true;
            }
        }
        return false;
    }
}
