package dev.herd.hub.stix;

import dev.herd.hub.advisory.AdvisoryMerger;
import dev.herd.hub.advisory.AdvisoryStatement;
import dev.herd.hub.advisory.DocumentFormat;
import dev.herd.hub.advisory.MergeOutcome;
import dev.herd.hub.advisory.Submission;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * Stores a provider's checked STIX indicators as community-style advisories: each indicator is a statement of that
 * provider, named {@code HERD-COMMUNITY-…} by its indicator set exactly as damage reports are, so the same indicators
 * from damage and from providers are one advisory, and tenants get rules (and gateways hash lists) from it the same
 * way. The whole bundle is stored in one transaction.
 */
@ApplicationScoped
public class StixBundleService {

    private final AdvisoryMerger merger;

    public StixBundleService(AdvisoryMerger merger) {
        this.merger = merger;
    }

    @Transactional
    public StixPushResult store(Submission base, List<PushedIndicator> indicators) {
        Submission submission = new Submission(
                base.providerId(),
                base.trustTier(),
                base.verified(),
                DocumentFormat.STIX,
                base.submittedBy(),
                base.receivedAt());
        List<StixPushResult.Indicator> results = indicators.stream()
                .map(indicator -> {
                    MergeOutcome outcome = merger.merge(submission, statement(indicator));
                    return new StixPushResult.Indicator(
                            indicator.index(), indicator.stixId(), status(outcome.kind()), outcome.advisoryId());
                })
                .toList();
        return StixPushResult.of(results);
    }

    private static AdvisoryStatement statement(PushedIndicator indicator) {
        String title = indicator.name() != null && !indicator.name().isBlank()
                ? indicator.name()
                : "Indicators from a provider: " + indicator.indicators().summary();
        return new AdvisoryStatement(
                indicator.stixId(),
                List.of(indicator.indicators().advisoryId()),
                AdvisoryStatement.title(title),
                indicator.description(),
                null,
                List.of(),
                List.of(),
                indicator.indicators().mitigations(),
                List.of(),
                true,
                indicator.validFrom(),
                indicator.modified(),
                indicator.withdrawn());
    }

    private static String status(MergeOutcome.Kind kind) {
        return switch (kind) {
            case CREATED, UPDATED -> "accepted";
            case MERGED -> "merged";
            case UNCHANGED -> "unchanged";
        };
    }
}
