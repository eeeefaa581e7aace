package dev.herd.portal.diagnosis;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A finding as the API shows it: the machine, the advisory and every id it is known by, the package (the source
 * package on Debian), the installed and fixed versions, the provider document that matched, action and state, the
 * advisory's EPSS score and percentile (null when none is known), and where the installed version came from: the
 * machine's inventory, or an SBOM ({@code sbomId}, attached to the machine or to {@code application}).
 */
public record FindingView(
        long id,
        String machine,
        UUID machineId,
        String advisory,
        List<String> aliases,
        String sourceDocument,
        @JsonProperty("package") String packageName,
        String installed,
        String fixed,
        FindingAction action,
        FindingState state,
        Instant openedAt,
        Instant updatedAt,
        Instant closedAt,
        Double epss,
        Double epssPercentile,
        FindingSource source,
        UUID sbomId,
        String application) {}
