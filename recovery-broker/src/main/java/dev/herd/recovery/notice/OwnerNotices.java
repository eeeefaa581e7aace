package dev.herd.recovery.notice;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The mail outbox: one notice per owner, written inside the order's transaction. */
@ApplicationScoped
public class OwnerNotices implements PanacheRepositoryBase<OwnerNotice, UUID> {

    @Transactional(Transactional.TxType.MANDATORY)
    public void tell(UUID orderId, String tenantId, List<String> owners, String subject, String body) {
        Instant now = Instant.now();
        for (String owner : owners.stream().distinct().toList()) {
            OwnerNotice notice = new OwnerNotice();
            notice.id = UUID.randomUUID();
            notice.orderId = orderId;
            notice.tenantId = tenantId;
            notice.recipient = owner;
            notice.subject = subject;
            notice.body = body;
            notice.createdAt = now;
            persist(notice);
        }
    }

    public List<OwnerNotice> pending(int max) {
        return find("sentAt is null", Sort.by("createdAt").and("id"))
                .page(Page.ofSize(max))
                .list();
    }
}
