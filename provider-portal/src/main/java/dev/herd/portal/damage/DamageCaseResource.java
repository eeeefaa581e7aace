package dev.herd.portal.damage;

import dev.herd.contracts.tenancy.CurrentCaller;
import dev.herd.contracts.tenancy.Roles;
import dev.herd.portal.machine.Machine;
import dev.herd.portal.machine.MachineRepository;
import dev.herd.portal.topology.Topology;
import dev.herd.portal.topology.TopologyRepository;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A tenant's damage cases, newest first; anyone of the tenant and MSSP staff may read them. */
@Path("/api/tenants/{tenant}/damage-cases")
public class DamageCaseResource {

    private final DamageCaseRepository cases;
    private final IsolationOrderRepository orders;
    private final DamageSettingsRepository settings;
    private final TopologyRepository topologies;
    private final MachineRepository machines;
    private final CurrentCaller caller;

    public DamageCaseResource(
            DamageCaseRepository cases,
            IsolationOrderRepository orders,
            DamageSettingsRepository settings,
            TopologyRepository topologies,
            MachineRepository machines,
            CurrentCaller caller) {
        this.cases = cases;
        this.orders = orders;
        this.settings = settings;
        this.topologies = topologies;
        this.machines = machines;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.MSSP_ADMIN, Roles.MSSP_ANALYST, Roles.TENANT_ADMIN, Roles.TENANT_VIEWER})
    public List<DamageCaseView> list(@PathParam("tenant") String tenant) {
        caller.get().requireAccessTo(tenant);
        long spreadWindow = settings.of(tenant).spreadWindowSeconds();
        Topology topology = topologies.of(tenant);
        Map<UUID, Machine> fleet =
                machines.ofTenant(tenant).stream().collect(Collectors.toMap(m -> m.id, Function.identity()));
        List<DamageCaseView> views = new ArrayList<>();
        for (DamageCase c : cases.ofTenant(tenant)) {
            List<DamageEvent> events = cases.events(tenant, c.id());
            List<IssuedOrder> issued = orders.ofCase(tenant, c.id());
            views.add(new DamageCaseView(
                    c.id(),
                    c.state(),
                    c.openedAt(),
                    c.updatedAt(),
                    c.signature(),
                    c.spreading(),
                    Spread.of(events, spreadWindow).windows(),
                    c.range(),
                    c.isolationPoint(),
                    c.isolationNote(),
                    c.mode(),
                    issued.isEmpty() ? null : issued.getLast().status(),
                    damaged(events, fleet, topology),
                    events,
                    issued));
        }
        return views;
    }

    private static List<DamageCaseView.DamagedMachine> damaged(
            List<DamageEvent> events, Map<UUID, Machine> fleet, Topology topology) {
        Map<UUID, List<DamageEvent>> byMachine = new LinkedHashMap<>();
        events.forEach(e -> byMachine
                .computeIfAbsent(e.machineId(), id -> new ArrayList<>())
                .add(e));
        List<DamageCaseView.DamagedMachine> damaged = new ArrayList<>();
        byMachine.forEach((id, own) -> {
            Machine machine = fleet.get(id);
            List<String> addresses = machine == null ? List.of() : machine.addresses;
            damaged.add(new DamageCaseView.DamagedMachine(
                    id,
                    machine == null ? null : machine.name,
                    addresses,
                    topology.segmentOf(addresses).map(Topology.Segment::id).orElse(null),
                    own.stream().map(DamageEvent::kind).distinct().toList(),
                    own.getFirst().at()));
        });
        return damaged;
    }
}
