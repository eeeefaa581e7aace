package dev.herd.contracts.inventory;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Message on the multicast address {@value #ADDRESS}: what diagnosis needs to know of one machine's report (DESIGN
 * §3.2), and nothing more; the full report stays at the gateway. Messages of one machine are grouped by its agent id
 * and carry the agent's gap-free {@code sequence}, so consumers apply them in order and drop what they already saw.
 *
 * <p>A {@link Kind#FULL} report lists every installed package in {@code packages}; a {@link Kind#DELTA} lists the
 * added and changed packages (with their new versions) in {@code packages} and the removed ones in
 * {@code removedPackages}. {@code addresses} are the machine's IPv4 and IPv6 addresses (loopback and link-local left out):
 * filter rules protecting the machine name them.
 */
public record MachineInventory(
        String tenantId,
        UUID agentId,
        String machineId,
        String hostname,
        String osId,
        String osVersion,
        String architecture,
        long sequence,
        Kind kind,
        List<PackageRef> packages,
        List<PackageRef> removedPackages,
        List<ListeningPort> listening,
        List<String> addresses,
        Instant receivedAt) {

    public static final String ADDRESS = "herd.inventories";

    /** Whether the report replaces what was known of the machine or changes it. */
    public enum Kind {
        FULL,
        DELTA
    }

    /** An installed binary package and the source package it was built from. */
    public record PackageRef(
            String name, String version, String architecture, String sourceName, String sourceVersion) {}

    /** A socket waiting for peers: protocol ({@code tcp}, {@code udp6}, ...), local address and port. */
    public record ListeningPort(String protocol, String address, int port) {}

    public MachineInventory {
        packages = packages == null ? List.of() : List.copyOf(packages);
        removedPackages = removedPackages == null ? List.of() : List.copyOf(removedPackages);
        listening = listening == null ? List.of() : List.copyOf(listening);
        addresses = addresses == null ? List.of() : List.copyOf(addresses);
    }
}
