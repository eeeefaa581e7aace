package dev.herd.portal.diagnosis;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Pages through a tenant's findings by id or by EPSS score (keyset paging) and says how many there are in all. */
@ApplicationScoped
public class FindingPageService {

    private final FindingRepository findings;
    private final FindingEpssRepository byEpss;
    private final FindingCounter counter;

    public FindingPageService(FindingRepository findings, FindingEpssRepository byEpss, FindingCounter counter) {
        this.findings = findings;
        this.byEpss = byEpss;
        this.counter = counter;
    }

    /** A page in id order. */
    public FindingPage page(
            String tenantId, FindingFilter filter, FindingCursor after, int size, FindingTotal.Kind total) {
        return page(tenantId, filter, FindingSort.ID, after, size, total);
    }

    /** A page in {@code sort} order after {@code after}, a cursor of that order (FindingListRequest checks it). */
    public FindingPage page(
            String tenantId,
            FindingFilter filter,
            FindingSort sort,
            FindingCursor after,
            int size,
            FindingTotal.Kind total) {
        List<FindingView> rows;
        FindingCursor next = null;
        if (sort == FindingSort.EPSS) {
            List<FindingEpssRepository.Position> positions = byEpss.page(tenantId, filter, after, size + 1);
            List<FindingEpssRepository.Position> shown = positions.subList(0, Math.min(size, positions.size()));
            rows = inOrder(tenantId, shown);
            if (positions.size() > size) {
                FindingEpssRepository.Position last = shown.getLast();
                next = new FindingCursor(FindingSort.EPSS, last.epss(), last.id());
            }
        } else {
            List<FindingView> read = findings.page(tenantId, filter, after, size + 1);
            rows = read.size() > size ? read.subList(0, size) : read;
            next = read.size() > size ? new FindingCursor(rows.getLast().id()) : null;
        }
        // A first page that holds everything is its own exact count.
        FindingTotal counted = after == null && next == null
                ? FindingTotal.exact(rows.size())
                : counter.total(tenantId, filter, total);
        return new FindingPage(rows, next, counted);
    }

    /** The findings at these positions, in their order. */
    private List<FindingView> inOrder(String tenantId, List<FindingEpssRepository.Position> positions) {
        Map<Long, FindingView> byId =
                findings
                        .byIds(
                                tenantId,
                                positions.stream()
                                        .map(FindingEpssRepository.Position::id)
                                        .toList())
                        .stream()
                        .collect(Collectors.toMap(FindingView::id, Function.identity()));
        return positions.stream()
                .map(p -> byId.get(p.id()))
                .filter(v -> v != null)
                .toList();
    }
}
