package dev.herd.gateway.delivery.rules;

import dev.herd.contracts.delivery.RuleBundle;
import dev.herd.contracts.delivery.RuleBundleRequest;
import dev.herd.contracts.outbox.Outbox;
import dev.herd.gateway.GatewayConfig;
import dev.herd.gateway.delivery.rules.RuleBundleRepository.Head;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Takes a rule bundle from the portal into the tenant's state (ADR 11). A full bundle newer than what is held replaces
 * it, and so does one of the same revision as a delta-built state (it makes new agents' full bundles short again). A
 * delta is stored when it builds on exactly the newest revision held. Any other delta cannot be applied: it is
 * ignored and the portal is asked for a full bundle ({@link RuleBundleRequest}), as it is after
 * {@code rule-deltas-before-full} deltas; a request is repeated only after {@code full-bundle-request-pause}.
 */
@ApplicationScoped
public class RuleBundleIntake {

    private static final Logger LOG = Logger.getLogger(RuleBundleIntake.class);

    /** What became of a bundle. */
    public enum Taken {
        /** Held now: the tenant's newest revision advanced (or its full body was renewed). */
        STORED,
        /** As new as or older than what is held. */
        IGNORED,
        /** A delta that does not build on what is held; a full bundle is asked for. */
        NEEDS_FULL
    }

    private final RuleBundleRepository bundles;
    private final Outbox outbox;
    private final GatewayConfig config;

    public RuleBundleIntake(RuleBundleRepository bundles, Outbox outbox, GatewayConfig config) {
        this.bundles = bundles;
        this.outbox = outbox;
        this.config = config;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Taken take(RuleBundle bundle, String body, Instant now) {
        String tenant = bundle.tenantId();
        Head head = bundles.lockHead(tenant, now);
        if (!bundle.isDelta()) {
            boolean newer = bundle.revision() > head.revision()
                    || (bundle.revision() == head.revision() && bundle.revision() > head.fullRevision());
            if (!newer) {
                return Taken.IGNORED;
            }
            bundles.putFull(bundle, body, RuleBundleFold.composable(bundle), now);
            dropOldDeltas(tenant, bundle.revision(), bundle.revision());
            return Taken.STORED;
        }
        if (bundle.revision() <= head.revision()) {
            return Taken.IGNORED;
        }
        if (head.revision() == 0 || bundle.baseRevision() != head.revision() || !head.composable()) {
            LOG.infof(
                    "Rule bundle delta %d->%d of tenant %s does not build on revision %d held here",
                    bundle.baseRevision(), bundle.revision(), tenant, head.revision());
            askForFull(tenant, head, head.revision(), RuleBundleRequest.GAP, now);
            return Taken.NEEDS_FULL;
        }
        bundles.addDelta(bundle, body, now);
        if (bundle.revision() - head.fullRevision() >= config.delivery().ruleDeltasBeforeFull()) {
            askForFull(tenant, head, bundle.revision(), RuleBundleRequest.COMPACTION, now);
        }
        dropOldDeltas(tenant, head.fullRevision(), bundle.revision());
        return Taken.STORED;
    }

    /** Deltas older than the kept window go, unless the full body still needs them. */
    private void dropOldDeltas(String tenant, long fullRevision, long revision) {
        long upTo = Math.min(fullRevision, revision - config.delivery().ruleDeltasKept());
        if (upTo > 0) {
            bundles.dropDeltasUpTo(tenant, upTo);
        }
    }

    private void askForFull(String tenant, Head head, long held, String reason, Instant now) {
        Instant asked = head.fullRequestedAt();
        if (asked != null
                && asked.plus(config.delivery().fullBundleRequestPause()).isAfter(now)) {
            return;
        }
        bundles.fullRequested(tenant, now);
        outbox.enqueue(RuleBundleRequest.ADDRESS, tenant, new RuleBundleRequest(tenant, held, reason, now));
        LOG.infof("Asked the portal for a full rule bundle of tenant %s (%s, holding %d)", tenant, reason, held);
    }
}
