package dev.herd.portal.sbom;

import java.time.Instant;
import java.util.UUID;

/**
 * An SBOM as the API shows it: what it is attached to (a machine, or an application), its format, the components kept
 * and skipped, who attached it and when, and how many of its findings are open.
 */
public record SbomView(
        UUID id,
        String tenant,
        UUID machineId,
        String machine,
        String application,
        SbomFormat format,
        String specVersion,
        String name,
        int components,
        int skipped,
        String uploadedBy,
        Instant uploadedAt,
        long openFindings) {

    static SbomView of(Sbom sbom, String machineName, long openFindings) {
        return new SbomView(
                sbom.id,
                sbom.tenantId,
                sbom.machineId,
                machineName,
                sbom.application,
                sbom.format,
                sbom.specVersion,
                sbom.name,
                sbom.components,
                sbom.skipped,
                sbom.uploadedBy,
                sbom.uploadedAt,
                openFindings);
    }
}
