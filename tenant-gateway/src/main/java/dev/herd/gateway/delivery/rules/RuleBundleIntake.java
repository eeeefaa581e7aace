package dev.herd.gateway.delivery.rules;

import dev.herd.contracts.delivery.RuleBundle;
import dev.herd.contracts.delivery.RuleBundleRequest;
import dev.herd.contracts.outbox.Outbox;
import dev.herd.gateway.GatewayConfig;
import dev.herd.gateway.delivery.rules.RuleBundleRepository.Head;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jboss.logging.Logger;

/**
 * Takes rule bundles from the portal into each tenant's state (ADR 11). A full bundle newer than what is held replaces
 * it, and so does one of the same revision as a delta-built state (it makes new agents' full bundles short again). A
 * delta is stored when it builds on exactly the newest revision held. Any other delta cannot be applied: it is
 * ignored and the portal is asked for a full bundle ({@link RuleBundleRequest}), as it is after
 * {@code rule-deltas-before-full} deltas; a request is repeated only after {@code full-bundle-request-pause}.
 *
 * <p>A batch of bundles, for many tenants, is taken with a few statements in all (the heads locked together, the
 * deltas inserted together, the heads moved and the old deltas dropped together), not a few per bundle: the portal
 * sends one delta per exposed tenant for each community advisory (issue 12).
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

    /** A bundle as received, with its body as it is stored. */
    public record Incoming(RuleBundle bundle, String body) {}

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
        return takeAll(List.of(new Incoming(bundle, body)), now).get(0);
    }

    /** Takes the bundles in their order; what became of each, in the same order. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Taken> takeAll(List<Incoming> incoming, Instant now) {
        TreeSet<String> tenants = new TreeSet<>();
        incoming.forEach(each -> tenants.add(each.bundle().tenantId()));
        Map<String, Head> heads = new LinkedHashMap<>(bundles.lockHeads(tenants, now));
        Pending pending = new Pending();
        List<Taken> taken = new ArrayList<>(incoming.size());
        for (Incoming each : incoming) {
            taken.add(
                    each.bundle().isDelta()
                            ? takeDelta(each, heads, pending, now)
                            : takeFull(each, heads, pending, now));
        }
        pending.write(now);
        return taken;
    }

    private Taken takeFull(Incoming incoming, Map<String, Head> heads, Pending pending, Instant now) {
        RuleBundle bundle = incoming.bundle();
        Head head = heads.get(bundle.tenantId());
        boolean newer = bundle.revision() > head.revision()
                || (bundle.revision() == head.revision() && bundle.revision() > head.fullRevision());
        if (!newer) {
            return Taken.IGNORED;
        }
        pending.write(now); // the full body replaces the head row: what is pending goes before it
        boolean composable = RuleBundleFold.composable(bundle);
        bundles.putFull(bundle, incoming.body(), composable, now);
        heads.put(
                bundle.tenantId(), new Head(bundle.revision(), bundle.revision(), composable, null, head.fullBytes()));
        pending.dropUpTo(bundle.tenantId(), bundle.revision(), bundle.revision());
        return Taken.STORED;
    }

    private Taken takeDelta(Incoming incoming, Map<String, Head> heads, Pending pending, Instant now) {
        RuleBundle bundle = incoming.bundle();
        String tenant = bundle.tenantId();
        Head head = heads.get(tenant);
        if (bundle.revision() <= head.revision()) {
            return Taken.IGNORED;
        }
        if (head.revision() == 0 || bundle.baseRevision() != head.revision() || !head.composable()) {
            LOG.infof(
                    "Rule bundle delta %d->%d of tenant %s does not build on revision %d held here",
                    bundle.baseRevision(), bundle.revision(), tenant, head.revision());
            heads.put(tenant, askForFull(tenant, head, head.revision(), RuleBundleRequest.GAP, now));
            return Taken.NEEDS_FULL;
        }
        pending.addDelta(incoming);
        head = new Head(
                bundle.revision(), head.fullRevision(), head.composable(), head.fullRequestedAt(), head.fullBytes());
        if (bundle.revision() - head.fullRevision()
                >= deltasBeforeFull(
                        tenant,
                        config.delivery().ruleDeltasBeforeFull(),
                        config.delivery().ruleDeltasBeforeFullSpread())) {
            head = askForFull(tenant, head, bundle.revision(), RuleBundleRequest.COMPACTION, now);
        }
        heads.put(tenant, head);
        pending.dropUpTo(tenant, head.fullRevision(), bundle.revision());
        return Taken.STORED;
    }

    /**
     * How many deltas after its full bundle a tenant asks for a new one: {@code before}, spread per tenant by up to
     * {@code spread} times {@code before} above it (the same for a tenant every time, different between tenants).
     */
    static int deltasBeforeFull(String tenant, int before, double spread) {
        int range = (int) Math.round(before * Math.max(0, spread));
        return range == 0 ? before : before + Math.floorMod(tenant.hashCode() * 0x9E3779B1, range);
    }

    /** Asks the portal for a full bundle unless it was asked lately; the head as it stands afterwards. */
    private Head askForFull(String tenant, Head head, long held, String reason, Instant now) {
        Instant asked = head.fullRequestedAt();
        if (asked != null
                && asked.plus(config.delivery().fullBundleRequestPause()).isAfter(now)) {
            return head;
        }
        bundles.fullRequested(tenant, now);
        outbox.enqueue(RuleBundleRequest.ADDRESS, tenant, new RuleBundleRequest(tenant, held, reason, now));
        LOG.infof("Asked the portal for a full rule bundle of tenant %s (%s, holding %d)", tenant, reason, held);
        return new Head(head.revision(), head.fullRevision(), head.composable(), now, head.fullBytes());
    }

    /** The deltas taken and not yet written, and the old deltas to drop, per tenant. */
    private final class Pending {

        private final List<Incoming> deltas = new ArrayList<>();
        private final Map<String, Long> dropUpTo = new LinkedHashMap<>();

        void addDelta(Incoming delta) {
            deltas.add(delta);
        }

        /** Deltas older than the kept window go, unless the full body still needs them. */
        void dropUpTo(String tenant, long fullRevision, long revision) {
            long upTo = Math.min(fullRevision, revision - config.delivery().ruleDeltasKept());
            if (upTo > 0) {
                dropUpTo.merge(tenant, upTo, Math::max);
            }
        }

        void write(Instant now) {
            if (!deltas.isEmpty()) {
                bundles.addDeltas(deltas, now);
                deltas.clear();
            }
            if (!dropUpTo.isEmpty()) {
                bundles.dropDeltasUpTo(dropUpTo);
                dropUpTo.clear();
            }
        }
    }
}
