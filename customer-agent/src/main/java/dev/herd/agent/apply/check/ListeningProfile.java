package dev.herd.agent.apply.check;

import dev.herd.agent.network.ListeningCollector;
import dev.herd.agent.network.ListeningSocket;
import java.nio.file.Path;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The behaviour profile the {@code profile} check compares: the TCP ports (v4 and v6) this machine listens on. */
public final class ListeningProfile {

    private ListeningProfile() {}

    public static SortedSet<Integer> tcpPorts(Path root) {
        return ListeningCollector.collect(root).stream()
                .filter(s -> s.protocol().startsWith("tcp"))
                .map(ListeningSocket::port)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** {@code +port} for ports listening now but not before, {@code -port} for ports gone; empty when equal. */
    static String difference(Set<Integer> before, Set<Integer> now) {
        StringBuilder diff = new StringBuilder();
        now.stream()
                .filter(p -> !before.contains(p))
                .forEach(p -> diff.append(" +").append(p));
        before.stream()
                .filter(p -> !now.contains(p))
                .forEach(p -> diff.append(" -").append(p));
        return diff.toString().strip();
    }
}
