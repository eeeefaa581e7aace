package dev.herd.hub.rejection;

import dev.herd.hub.advisory.DocumentFormat;
import dev.herd.hub.advisory.Submission;
import dev.herd.hub.ingest.Issue;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/** The rejection log: every refused document is recorded, whatever happens to the rest of its batch. */
@ApplicationScoped
public class RejectionLog implements PanacheRepositoryBase<Rejection, Long> {

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(Submission submission, String documentId, DocumentFormat format, List<Issue> errors) {
        Rejection rejection = new Rejection();
        rejection.providerId = submission.providerId();
        rejection.documentId = documentId == null || documentId.length() > 200 ? null : documentId;
        rejection.format = format;
        rejection.errors = List.copyOf(errors);
        rejection.receivedAt = submission.receivedAt();
        rejection.submittedBy = submission.submittedBy();
        persist(rejection);
    }

    /** Newest first; only {@code provider}'s when given. */
    public List<Rejection> page(Optional<String> provider, int page, int size) {
        Sort newest = Sort.descending("receivedAt", "id");
        return provider.map(p -> find("providerId", newest, p))
                .orElseGet(() -> findAll(newest))
                .page(Page.of(page, size))
                .list();
    }
}
