package dev.herd.agent.network;

import java.util.List;

/** One network interface: sysfs name, MAC and operational state, with its IPv4 and IPv6 addresses. */
public record NetworkInterfaceInfo(String name, String mac, String operstate, List<String> ipv4, List<String> ipv6) {}
