package dev.herd.gateway;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The tenant gateway's own settings ({@code herd.gateway.*}). */
@ConfigMapping(prefix = "herd.gateway")
public interface GatewayConfig {

    /** Enrolment settings. */
    Enrolment enrolment();

    /** Agent liveness settings. */
    Liveness liveness();

    /** Agent authentication settings. */
    AgentAuth agentAuth();

    /** Machine report intake settings. */
    Reports reports();

    /** Enrolment settings. */
    interface Enrolment {

        /** How long a new enrolment token may be used. */
        @WithDefault("PT24H")
        Duration tokenValidity();
    }

    /** Agent liveness settings. */
    interface Liveness {

        /** An agent whose last heartbeat is older than this is listed as overdue. */
        @WithDefault("PT3M")
        Duration overdueAfter();
    }

    /** Agent authentication settings. */
    interface AgentAuth {

        /** How far an agent's {@code X-Herd-Timestamp} may be from the gateway's clock; nonces are kept this long. */
        @WithDefault("PT5M")
        Duration clockSkew();
    }

    /** Machine report intake settings. */
    interface Reports {

        /** Largest report body read, in bytes; larger bodies are answered 413. */
        @WithDefault("8388608")
        long maxBodyBytes();
    }
}
