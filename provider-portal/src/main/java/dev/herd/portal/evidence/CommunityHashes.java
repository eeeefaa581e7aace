package dev.herd.portal.evidence;

import dev.herd.contracts.advisory.AdvisoryChanged;
import dev.herd.contracts.damage.DamageReport;
import dev.herd.portal.advisory.AdvisoryStored;
import dev.herd.portal.advisory.KnownAdvisory;
import dev.herd.portal.damage.AttackIndicatorRepository;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Learns the file hashes of community advisories (the hub writes a FILE_HASH indicator as the mitigation
 * {@code file sha256 <hex>}) into the attack database, and strikes the machines already holding such a file.
 */
@ApplicationScoped
public class CommunityHashes {

    /** The id prefix of the hub's community advisories. */
    public static final String COMMUNITY_PREFIX = "HERD-COMMUNITY-";

    private static final Pattern FILE_HASH = Pattern.compile("file sha256 ([0-9a-fA-F]{64})");

    private final AttackIndicatorRepository indicators;
    private final EvidenceService evidence;

    public CommunityHashes(AttackIndicatorRepository indicators, EvidenceService evidence) {
        this.indicators = indicators;
        this.evidence = evidence;
    }

    void onAdvisoryStored(@Observes @Priority(AdvisoryStored.EVIDENCE) AdvisoryStored stored) {
        advisoryChanged(stored.advisory());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void advisoryChanged(KnownAdvisory advisory) {
        if (advisory.withdrawn || advisory.id == null || !advisory.id.startsWith(COMMUNITY_PREFIX)) {
            return;
        }
        List<String> learnt = new ArrayList<>();
        Instant at = advisory.modifiedAt != null ? advisory.modifiedAt : Instant.now();
        for (AdvisoryChanged.Mitigation mitigation :
                advisory.mitigations == null ? List.<AdvisoryChanged.Mitigation>of() : advisory.mitigations) {
            Matcher matcher = mitigation.description() == null
                    ? null
                    : FILE_HASH.matcher(mitigation.description().strip());
            if (matcher != null && matcher.matches()) {
                String hash = matcher.group(1).toLowerCase(Locale.ROOT);
                if (indicators.learn(DamageReport.Type.FILE_HASH, hash, null, null, at, advisory.id)) {
                    learnt.add(hash);
                }
            }
        }
        evidence.strike(learnt, Set.of(), Instant.now());
    }
}
