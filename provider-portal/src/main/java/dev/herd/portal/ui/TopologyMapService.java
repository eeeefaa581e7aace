package dev.herd.portal.ui;

import dev.herd.portal.damage.DamageCase;
import dev.herd.portal.damage.DamageCaseRepository;
import dev.herd.portal.damage.DamageSettingsRepository;
import dev.herd.portal.equipment.EquipmentEvidenceService;
import dev.herd.portal.topology.Topology;
import dev.herd.portal.topology.TopologyRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Builds a tenant's {@link TopologyMap} from its topology, its machines and its damage case that is not closed (its
 * isolation point, segments and damaged machines marked with the mode) and the machines the site's gateway holds
 * (admission quarantine, equipment violation).
 */
@ApplicationScoped
public class TopologyMapService {

    /** The map draws at most this many machines (by name); the page says how many more there are. */
    public static final int MAX_MACHINES = 500;

    private final TopologyRepository topologies;
    private final MapMachineRepository machines;
    private final DamageCaseRepository cases;
    private final DamageSettingsRepository settings;
    private final EquipmentEvidenceService equipment;

    public TopologyMapService(
            TopologyRepository topologies,
            MapMachineRepository machines,
            DamageCaseRepository cases,
            DamageSettingsRepository settings,
            EquipmentEvidenceService equipment) {
        this.topologies = topologies;
        this.machines = machines;
        this.cases = cases;
        this.settings = settings;
        this.equipment = equipment;
    }

    @Transactional
    public TopologyMap of(String tenantId, Instant now) {
        Topology topology = topologies.of(tenantId);
        DamageCase active = cases.notClosed(tenantId).orElse(null);
        String mode = active != null && active.mode() != null ? active.mode().name() : null;
        List<String> isolatedSegments = mode != null && active.isolationPoint() != null ? active.range() : List.of();

        List<TopologyMap.Segment> segments = topology.segments().stream()
                .map(s -> new TopologyMap.Segment(
                        s.id(), s.name(), s.cidrs(), isolatedSegments.contains(s.id()) ? mode : null))
                .toList();
        List<TopologyMap.Device> devices = topology.devices().stream()
                .map(d -> new TopologyMap.Device(
                        d.id(),
                        d.name(),
                        d.kind(),
                        d.segments(),
                        mode != null && d.id().equals(active.isolationPoint()) ? mode : null))
                .toList();

        long window = settings.of(tenantId).profileWindowSeconds();
        Set<UUID> damaged = active != null ? machines.damaged(tenantId, active.id()) : Set.of();
        boolean ordered = mode != null && active.isolationPoint() != null;
        Map<UUID, String> held = equipment.held(tenantId);
        List<TopologyMap.Machine> drawn =
                machines.machines(tenantId, now.minusSeconds(2 * window), MAX_MACHINES).stream()
                        .map(m -> {
                            String segment = topology.segmentOf(m.addresses())
                                    .map(Topology.Segment::id)
                                    .orElse(null);
                            boolean hit = damaged.contains(m.id());
                            // the isolation order names the damaged machines, wherever their segment is
                            boolean cutOff = segment != null && isolatedSegments.contains(segment) || hit && ordered;
                            return new TopologyMap.Machine(m, segment, cutOff ? mode : null, hit, held.get(m.id()));
                        })
                        .toList();
        long total = drawn.size() < MAX_MACHINES ? drawn.size() : machines.count(tenantId);
        return new TopologyMap(segments, devices, drawn, total, active);
    }
}
