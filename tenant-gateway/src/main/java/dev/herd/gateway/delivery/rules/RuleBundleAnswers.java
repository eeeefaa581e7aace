package dev.herd.gateway.delivery.rules;

import dev.herd.contracts.delivery.RuleBundle;
import dev.herd.gateway.delivery.LongPoll;
import dev.herd.gateway.delivery.rules.RuleBundleRepository.Head;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;

/**
 * What an agent gets for the revision it holds (ADR 11): 304 when it holds the newest; a delta (226, RFC 3229) when it
 * accepts deltas, holds a revision the kept deltas lead on from, and those deltas are smaller than the full bundle;
 * else the full bundle (a new agent, an unknown revision, a gap). Reads only; call inside a transaction.
 */
@ApplicationScoped
public class RuleBundleAnswers {

    /** The instance manipulation ({@code A-IM}/{@code IM}, RFC 3229) by which agents accept and get deltas. */
    public static final String DELTA = "herd-delta";

    private final RuleBundleRepository bundles;

    public RuleBundleAnswers(RuleBundleRepository bundles) {
        this.bundles = bundles;
    }

    /**
     * @param etags the entity tags the agent holds ({@code If-None-Match}, checked)
     * @param held the revision the agent holds, if it names one
     */
    public LongPoll.Snapshot answer(String tenantId, java.util.Set<String> etags, Optional<Long> held, boolean delta) {
        Optional<Head> found = bundles.head(tenantId);
        if (found.isEmpty() || found.get().revision() == 0) {
            return LongPoll.Snapshot.none();
        }
        Head head = found.get();
        String etag = etag(head.revision());
        if (etags.contains(etag) || etags.contains("*")) {
            return LongPoll.Snapshot.of(etag, null);
        }
        if (delta && held.isPresent() && held.get() >= 1 && held.get() < head.revision()) {
            long base = held.get();
            long[] countAndBytes = bundles.deltaCountAndBytes(tenantId, base, head.revision());
            if (countAndBytes[0] == head.revision() - base && countAndBytes[1] < head.fullBytes()) {
                RuleBundle answer = RuleBundleFold.delta(base, bundles.deltas(tenantId, base, head.revision()));
                return LongPoll.Snapshot.of(etag, answer, 226, Map.of("IM", DELTA, "Delta-Base", etag(base)));
            }
        }
        RuleBundle full = RuleBundleFold.full(
                bundles.full(tenantId), bundles.deltas(tenantId, head.fullRevision(), head.revision()));
        return LongPoll.Snapshot.of(etag, full);
    }

    /** The ETag of a revision: the number, quoted. */
    public static String etag(long revision) {
        return "\"" + revision + "\"";
    }
}
