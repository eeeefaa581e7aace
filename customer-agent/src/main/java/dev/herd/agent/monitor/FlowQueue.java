package dev.herd.agent.monitor;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The flows and signature hits waiting to be sent, at most {@value #MAX_WAITING}: the oldest go first when the gateway
 * is away longer than that, and are counted as dropped.
 */
final class FlowQueue {

    static final int MAX_WAITING = 10_000;

    private final Deque<Flow> waiting = new ArrayDeque<>();
    private long dropped;

    synchronized void add(Flow flow) {
        if (waiting.size() == MAX_WAITING) {
            waiting.removeFirst();
            dropped++;
        }
        waiting.addLast(flow);
    }

    /** Up to {@code max} waiting flows, oldest first, taken out. */
    synchronized List<Flow> take(int max) {
        List<Flow> taken = new ArrayList<>(Math.min(max, waiting.size()));
        while (taken.size() < max && !waiting.isEmpty()) {
            taken.add(waiting.removeFirst());
        }
        return taken;
    }

    /** Puts flows that could not be sent back in front, as far as there is room. */
    synchronized void putBack(List<Flow> flows) {
        for (int i = flows.size() - 1; i >= 0 && waiting.size() < MAX_WAITING; i--) {
            waiting.addFirst(flows.get(i));
        }
    }

    synchronized long dropped() {
        return dropped;
    }
}
