package dev.herd.hub;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The advisory hub's own settings ({@code herd.hub.*}). */
@ConfigMapping(prefix = "herd.hub")
public interface HubConfig {

    /**
     * Lowest provider trust tier (1-5) whose advisories may drive rules and patches by themselves. Advisories only
     * lower-tier providers stand behind are stored and published as not actionable.
     */
    @WithDefault("3")
    int autoActionTier();

    /** Push API settings. */
    Push push();

    /** Pull source settings. */
    Pull pull();

    /** Delivery of damage reports to subscribed providers. */
    DamageReports damageReports();

    /** The TAXII 2.1 API and the STIX bundle push. */
    Taxii taxii();

    /** The TAXII 2.1 API and the STIX bundle push. */
    interface Taxii {

        /** Objects per page when the request names no {@code limit}. */
        @WithDefault("100")
        int defaultPageSize();

        /** Most objects per page; a larger {@code limit} is cut to it (TAXII 2.1 §3.4 lets the server page). */
        @WithDefault("1000")
        int maxPageSize();

        /** Largest STIX bundle a provider may push, in bytes; larger bodies are answered 413. */
        @WithDefault("4194304")
        long maxBundleBytes();

        /** Most objects in one pushed bundle. */
        @WithDefault("10000")
        int maxBundleObjects();
    }

    /** Push API settings. */
    interface Push {

        /** Largest request body the push API reads, in bytes; larger bodies are answered 413. */
        @WithDefault("67108864")
        long maxBodyBytes();
    }

    /** Pull source settings. */
    interface Pull {

        /** How often the scheduler starts the pulls that are due (read by its schedule); {@code off} disables it. */
        @WithDefault("1m")
        String checkEvery();

        /** Connect and response timeout of each http(s) request a pull makes. */
        @WithDefault("60s")
        Duration httpTimeout();
    }

    /** Delivery of damage reports to subscribed providers. */
    interface DamageReports {

        /** How often due deliveries are tried (read by the schedule); {@code off} disables it. */
        @WithDefault("10s")
        String deliverEvery();

        /** Connect and response timeout of each delivery. */
        @WithDefault("10s")
        Duration httpTimeout();

        /** Attempts before a delivery is given up (FAILED). */
        @WithDefault("10")
        int maxAttempts();

        /** Wait before the first retry; it doubles with each failure, up to an hour. */
        @WithDefault("30s")
        Duration firstRetry();
    }
}
