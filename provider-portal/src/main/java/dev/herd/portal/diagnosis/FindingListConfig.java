package dev.herd.portal.diagnosis;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the findings list counts its total ({@code herd.portal.findings.*}). */
@ConfigMapping(prefix = "herd.portal.findings")
public interface FindingListConfig {

    /**
     * Up to how many matching findings the default total is counted exactly; above it, the total is the planner's
     * row estimate. Counting stops at this many rows, so it bounds what the default total costs.
     */
    @WithDefault("10000")
    int exactCountUpTo();
}
