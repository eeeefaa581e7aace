package dev.herd.hub.advisory;

import java.util.List;
import java.util.function.Function;

/** One page of a search: the items, which page of what size, and how many match in all. */
public record AdvisoryPage<T>(List<T> items, int page, int size, long total) {

    public <R> AdvisoryPage<R> map(Function<T, R> view) {
        return new AdvisoryPage<>(items.stream().map(view).toList(), page, size, total);
    }
}
