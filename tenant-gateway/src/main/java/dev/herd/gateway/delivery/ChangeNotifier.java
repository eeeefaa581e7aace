package dev.herd.gateway.delivery;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Wakes long-polls waiting on a key (a tenant, an agent) when what they wait for changed. A waiter is a future, not a
 * thread; it is completed once and forgotten. Changes committed by another gateway replica reach it through {@code
 * replica.ReplicaChangeListener}.
 */
public class ChangeNotifier<K> {

    private final ConcurrentHashMap<K, Set<CompletableFuture<Void>>> waiters = new ConcurrentHashMap<>();

    /** A future completed at the next change of {@code key}; register before reading, so no change slips between. */
    public CompletableFuture<Void> next(K key) {
        CompletableFuture<Void> change = new CompletableFuture<>();
        waiters.compute(key, (k, set) -> {
            Set<CompletableFuture<Void>> waiting = set == null ? ConcurrentHashMap.newKeySet() : set;
            waiting.add(change);
            return waiting;
        });
        return change;
    }

    /** Completes every waiter of {@code key}. */
    public void changed(K key) {
        Set<CompletableFuture<Void>> waiting = waiters.remove(key);
        if (waiting != null) {
            waiting.forEach(change -> change.complete(null));
        }
    }

    /** Completes every waiter of every key (after changes may have been missed). */
    public void changedAll() {
        waiters.keySet().forEach(this::changed);
    }

    /** Forgets a waiter that stopped waiting (answered, timed out, or its client went away). */
    public void forget(K key, CompletableFuture<Void> change) {
        waiters.computeIfPresent(key, (k, set) -> {
            set.remove(change);
            return set.isEmpty() ? null : set;
        });
    }

    /** How many waiters are registered, over all keys. */
    public int waiting() {
        return waiters.values().stream().mapToInt(Set::size).sum();
    }
}
