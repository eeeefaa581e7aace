package dev.herd.portal.warning;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Cross-tenant warning settings ({@code herd.portal.warning.*}). */
@ConfigMapping(prefix = "herd.portal.warning")
public interface WarningConfig {

    /** Damage of two or more tenants with the same indicator within this window is one anomaly (DESIGN §3.4). */
    @WithDefault("5M")
    Duration window();

    /** How far back each scan reads damage events; longer than the scan interval so no event is missed. */
    @WithDefault("1H")
    Duration lookback();

    /** How long an open warning waits before the first reminder, and between reminders. */
    @WithDefault("15M")
    Duration followUpInterval();

    /** How often the scan for anomalies runs ({@code off} in tests, which call the scan themselves). */
    @WithDefault("30s")
    String scanEvery();

    /** How often the follow-up runs; each open warning is reminded at most once per {@link #followUpInterval()}. */
    @WithDefault("1m")
    String followUpEvery();
}
