package dev.herd.recovery.support;

import java.time.Duration;
import java.util.function.Supplier;

/** Polls a condition until it holds or the time is up. */
public final class Eventually {

    private Eventually() {}

    public static void until(Duration timeout, String what, Supplier<Boolean> condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (Boolean.TRUE.equals(condition.get())) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
        throw new AssertionError("not within " + timeout + ": " + what);
    }
}
