package dev.herd.recovery.notice;

import dev.herd.recovery.RecoveryConfig;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/** Sends pending owner notices by mail; a notice whose sending fails stays pending for the next run. */
@ApplicationScoped
public class OwnerMailer {

    private static final Logger LOG = Logger.getLogger(OwnerMailer.class);
    private static final int BATCH = 50;

    private final OwnerNotices notices;
    private final Mailer mailer;
    private final String from;

    public OwnerMailer(OwnerNotices notices, Mailer mailer, RecoveryConfig config) {
        this.notices = notices;
        this.mailer = mailer;
        this.from = config.mail().from();
    }

    @Scheduled(every = "${herd.recovery.mail.interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void send() {
        List<OwnerNotice> batch = QuarkusTransaction.requiringNew().call(() -> notices.pending(BATCH));
        for (OwnerNotice notice : batch) {
            try {
                mailer.send(Mail.withText(notice.recipient, notice.subject, notice.body)
                        .setFrom(from));
                QuarkusTransaction.requiringNew()
                        .run(() -> notices.update(
                                "sentAt = ?1, attempts = attempts + 1 where id = ?2", Instant.now(), notice.id));
            } catch (RuntimeException e) {
                LOG.warnf("Mail to %s about order %s failed: %s", notice.recipient, notice.orderId, e.getMessage());
                QuarkusTransaction.requiringNew()
                        .run(() -> notices.update(
                                "attempts = attempts + 1, lastError = ?1 where id = ?2",
                                String.valueOf(e.getMessage()),
                                notice.id));
                return;
            }
        }
    }
}
