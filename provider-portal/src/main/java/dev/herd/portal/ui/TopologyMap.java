package dev.herd.portal.ui;

import dev.herd.portal.damage.DamageCase;
import java.util.List;

/**
 * What the topology page draws: the tenant's segments and isolating devices, its machines (at most {@link
 * TopologyMapService#MAX_MACHINES}, by name) each in its segment, and the damage case that is not closed, whose
 * isolation point and range are marked.
 */
public record TopologyMap(
        List<Segment> segments,
        List<Device> devices,
        List<Machine> machines,
        long machinesTotal,
        DamageCase activeCase) {

    /** A segment; {@code isolated} names the mode when an active case cut it off. */
    public record Segment(String id, String name, List<String> cidrs, String isolated) {}

    /** An isolating device and the segments it cuts off; {@code isolating} names the mode when it isolates now. */
    public record Device(String id, String name, String kind, List<String> segments, String isolating) {}

    /**
     * A machine in its segment ({@code null}: in none), with its worst open hole and its monitoring's liveness;
     * {@code isolated} names the mode when the active case cut it off (its segment, or it was damaged itself and the
     * case has an isolation point), {@code damaged} whether the case detected damage on it, {@code quarantined} how the
     * site's gateway holds it ({@code admission QUARANTINED}, {@code admission HELD}, {@code equipment violation}).
     */
    public record Machine(MapMachine machine, String segment, String isolated, boolean damaged, String quarantined) {

        /** A machine the gateway does not hold. */
        public Machine(MapMachine machine, String segment, String isolated, boolean damaged) {
            this(machine, segment, isolated, damaged, null);
        }
    }

    public boolean truncated() {
        return machinesTotal > machines.size();
    }
}
