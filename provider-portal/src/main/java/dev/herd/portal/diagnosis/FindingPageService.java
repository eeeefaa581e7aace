package dev.herd.portal.diagnosis;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Pages through a tenant's findings by id (keyset paging) and says how many there are in all. */
@ApplicationScoped
public class FindingPageService {

    private final FindingRepository findings;
    private final FindingCounter counter;

    public FindingPageService(FindingRepository findings, FindingCounter counter) {
        this.findings = findings;
        this.counter = counter;
    }

    public FindingPage page(
            String tenantId, FindingFilter filter, FindingCursor after, int size, FindingTotal.Kind total) {
        List<FindingView> rows = findings.page(tenantId, filter, after, size + 1);
        boolean more = rows.size() > size;
        List<FindingView> page = more ? rows.subList(0, size) : rows;
        FindingCursor next = more ? new FindingCursor(page.getLast().id()) : null;
        // A first page that holds everything is its own exact count.
        FindingTotal counted =
                after == null && !more ? FindingTotal.exact(page.size()) : counter.total(tenantId, filter, total);
        return new FindingPage(page, next, counted);
    }
}
