package dev.herd.portal.sbom;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits of SBOM intake ({@code herd.portal.sbom.*}, docs/sbom.md). */
@ConfigMapping(prefix = "herd.portal.sbom")
public interface SbomConfig {

    /**
     * The largest SBOM document accepted, in bytes; a larger body is a 413 problem. Kept below the HTTP server's own
     * body limit (10 MiB by default) so that the portal, not the server, answers.
     */
    @WithDefault("8388608")
    long maxBytes();

    /** The most components with a package URL one SBOM may list (distinct ecosystem, package and version). */
    @WithDefault("50000")
    int maxComponents();
}
