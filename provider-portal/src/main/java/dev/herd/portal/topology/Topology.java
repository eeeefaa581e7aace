package dev.herd.portal.topology;

import dev.herd.contracts.problem.HerdException;
import dev.herd.contracts.problem.ProblemDetail.FieldError;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A tenant's network: segments (named sets of CIDRs) and isolating devices, each cutting off some segments. A
 * machine's segment is the smallest segment containing one of its addresses.
 */
public record Topology(
        @NotNull List<@Valid @NotNull Segment> segments,
        @NotNull List<@Valid @NotNull IsolatingDevice> devices) {

    private static final String ID = "[A-Za-z0-9][A-Za-z0-9_.-]{0,62}";

    public Topology {
        segments = segments == null ? List.of() : List.copyOf(segments);
        devices = devices == null ? List.of() : List.copyOf(devices);
    }

    /** The topology of a tenant that never described one. */
    public static Topology empty() {
        return new Topology(List.of(), List.of());
    }

    /** A segment of the network. */
    public record Segment(
            @NotBlank @Pattern(regexp = ID) String id,
            @NotBlank @Size(max = 200) String name,
            @NotEmpty List<@NotBlank String> cidrs) {}

    /** A device that can cut segments off (a firewall, a switch, an nftables host …). */
    public record IsolatingDevice(
            @NotBlank @Pattern(regexp = ID) String id,
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 60) String kind,
            @NotEmpty List<@NotBlank String> segments) {}

    /** Fails with a 400 problem naming every bad CIDR, duplicate id and unknown segment reference. */
    public void check() {
        List<FieldError> errors = new ArrayList<>();
        Set<String> segmentIds = new HashSet<>();
        for (int i = 0; i < segments.size(); i++) {
            Segment segment = segments.get(i);
            if (!segmentIds.add(segment.id())) {
                errors.add(new FieldError(
                        "segments[" + i + "].id", "duplicate-id", "Segment id '" + segment.id() + "' repeats."));
            }
            for (int j = 0; j < segment.cidrs().size(); j++) {
                if (Cidr.parse(segment.cidrs().get(j)).isEmpty()) {
                    errors.add(new FieldError(
                            "segments[" + i + "].cidrs[" + j + "]",
                            "invalid-cidr",
                            "'" + segment.cidrs().get(j) + "' is not a network like 10.0.0.0/24 or fd00::/64."));
                }
            }
        }
        Set<String> deviceIds = new HashSet<>();
        for (int i = 0; i < devices.size(); i++) {
            IsolatingDevice device = devices.get(i);
            if (!deviceIds.add(device.id())) {
                errors.add(new FieldError(
                        "devices[" + i + "].id", "duplicate-id", "Device id '" + device.id() + "' repeats."));
            }
            for (int j = 0; j < device.segments().size(); j++) {
                if (!segmentIds.contains(device.segments().get(j))) {
                    errors.add(new FieldError(
                            "devices[" + i + "].segments[" + j + "]",
                            "unknown-segment",
                            "Device '" + device.id() + "' names segment '"
                                    + device.segments().get(j) + "', which the topology does not define."));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new HerdException(
                    400,
                    errors.get(0).code(),
                    "The topology is not valid: " + errors.get(0).message(),
                    errors);
        }
    }

    /** The smallest segment containing one of the addresses, or empty when none does. */
    public Optional<Segment> segmentOf(List<String> addresses) {
        Segment best = null;
        BigInteger bestSize = null;
        for (String text : addresses) {
            Optional<byte[]> address = Cidr.address(text);
            if (address.isEmpty()) {
                continue;
            }
            for (Segment segment : segments) {
                for (String cidrText : segment.cidrs()) {
                    Optional<Cidr> cidr = Cidr.parse(cidrText);
                    if (cidr.isPresent() && cidr.get().contains(address.get())) {
                        BigInteger size = cidr.get().size();
                        if (bestSize == null || size.compareTo(bestSize) < 0) {
                            best = segment;
                            bestSize = size;
                        }
                    }
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** Whether an address lies in any segment of the tenant. */
    public boolean covers(String address) {
        return segmentOf(List.of(address)).isPresent();
    }

    /** The device that cuts all the segments off, preferring the one covering the fewest segments (then by id). */
    public Optional<IsolatingDevice> isolationPointFor(Set<String> range) {
        if (range.isEmpty()) {
            return Optional.empty();
        }
        return devices.stream()
                .filter(d -> d.segments().containsAll(range))
                .min(Comparator.comparingInt((IsolatingDevice d) -> new HashSet<>(d.segments()).size())
                        .thenComparing(IsolatingDevice::id));
    }
}
