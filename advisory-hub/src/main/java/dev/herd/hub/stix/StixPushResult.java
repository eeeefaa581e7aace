package dev.herd.hub.stix;

import java.util.List;

/**
 * The answer to a pushed STIX bundle: per indicator its position in {@code objects}, its STIX id, what became of it
 * ({@code accepted}, {@code merged}, {@code unchanged}) and the community-style advisory it is part of.
 */
public record StixPushResult(int accepted, int merged, int unchanged, List<Indicator> results) {

    /** What became of one indicator. */
    public record Indicator(int index, String id, String status, String advisoryId) {}

    static StixPushResult of(List<Indicator> results) {
        return new StixPushResult(
                count(results, "accepted"), count(results, "merged"), count(results, "unchanged"), results);
    }

    private static int count(List<Indicator> results, String status) {
        return (int) results.stream().filter(r -> r.status().equals(status)).count();
    }
}
