package dev.herd.agent.network;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Interfaces from {@code /sys/class/net}; IPv6 from {@code /proc/net/if_inet6}, IPv4 from the live kernel. */
public final class InterfaceCollector {

    private InterfaceCollector() {}

    public static List<NetworkInterfaceInfo> collect(Path root) {
        Path net = root.resolve("sys/class/net");
        if (!Files.isDirectory(net)) {
            return List.of();
        }
        Map<String, List<String>> ipv6 = ipv6(root.resolve("proc/net/if_inet6"));
        // /proc has no per-interface IPv4 list (fib_trie does not name the interface), so IPv4 comes from the
        // kernel through the JDK, which only describes this machine: a fixture root gets none.
        boolean live = root.toAbsolutePath().normalize().equals(Path.of("/"));
        List<NetworkInterfaceInfo> result = new ArrayList<>();
        try (Stream<Path> entries = Files.list(net)) {
            for (Path dir : entries.sorted().toList()) {
                String name = dir.getFileName().toString();
                result.add(new NetworkInterfaceInfo(
                        name,
                        read(dir.resolve("address")),
                        read(dir.resolve("operstate")),
                        live ? ipv4(name) : List.of(),
                        ipv6.getOrDefault(name, List.of())));
            }
        } catch (IOException e) {
            return result;
        }
        return result;
    }

    /** Parses if_inet6 lines: address (32 hex digits), index, prefix length (hex), scope, flags, interface name. */
    static Map<String, List<String>> ipv6(Path file) {
        Map<String, List<String>> byInterface = new HashMap<>();
        String text = read(file);
        if (text == null) {
            return byInterface;
        }
        for (String line : text.split("\n")) {
            String[] f = line.strip().split("\\s+");
            if (f.length < 6 || f[0].length() != 32) {
                continue;
            }
            String address = ProcNetParser.ipv6(f[0], false) + "/" + Integer.parseInt(f[2], 16);
            byInterface.computeIfAbsent(f[5], k -> new ArrayList<>()).add(address);
        }
        return byInterface;
    }

    private static List<String> ipv4(String name) {
        try {
            NetworkInterface nic = NetworkInterface.getByName(name);
            if (nic == null) {
                return List.of();
            }
            List<String> addresses = new ArrayList<>();
            nic.getInterfaceAddresses().forEach(a -> {
                InetAddress address = a.getAddress();
                if (address instanceof Inet4Address) {
                    addresses.add(address.getHostAddress() + "/" + a.getNetworkPrefixLength());
                }
            });
            Collections.sort(addresses);
            return addresses;
        } catch (SocketException e) {
            return List.of();
        }
    }

    private static String read(Path file) {
        try {
            return Files.isReadable(file) ? Files.readString(file).strip() : null;
        } catch (IOException e) {
            return null;
        }
    }
}
