package dev.herd.gateway;

import dev.herd.contracts.inbox.RetryPolicy;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

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

    /** Isolating-device settings (admission quarantine). */
    Isolation isolation();

    /** Network-monitor record intake settings. */
    Monitor monitor();

    /** Delivery of rule bundles and patch plans to agents, and of their outcomes back. */
    Delivery delivery();

    /** The recovery broker's device endpoint ({@code POST /api/device/orders}). */
    Device device();

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

    /** Network-monitor record intake settings. */
    interface Monitor {

        /** Largest flow-record batch read, in bytes; larger bodies are answered 413. */
        @WithDefault("4194304")
        long maxBodyBytes();
    }

    /** Delivery of rule bundles and patch plans to agents, and of their outcomes back. */
    interface Delivery {

        /**
         * Name of this gateway's durable shared subscriptions on {@code herd.rule-bundles}, {@code herd.patch-plans} and
         * {@code herd.machine-diagnoses} (queues {@code <name>.rule-bundles}, {@code <name>.patch-plans},
         * {@code <name>.machine-diagnoses}); gateway replicas sharing a name share the messages, gateways with different
         * names each get every message.
         */
        @WithDefault("tenant-gateway")
        String subscription();

        /** Longest long-poll an agent may ask for with {@code ?wait=}, in seconds. */
        @WithDefault("60")
        int maxWaitSeconds();

        /** Largest apply-outcome body read, in bytes; larger bodies are answered 413. */
        @WithDefault("262144")
        long maxOutcomeBytes();

        /**
         * How often a readable rule bundle or patch plan whose store fails is tried, the message held meanwhile,
         * before it goes to the dead letters.
         */
        @WithDefault("5")
        int storeAttempts();

        /** Longest pause between those tries; pauses double from 200 ms up to this. */
        @WithDefault("PT30S")
        Duration maxBackoff();

        /**
         * How many rule-bundle deltas a tenant's agents may be behind and still get a delta rather than the full bundle
         * (older deltas are dropped, unless the full bundle still needs them).
         */
        @WithDefault("200")
        int ruleDeltasKept();

        /**
         * After this many deltas on top of the last full rule bundle the gateway asks the portal for a full one, so
         * that a new agent's full bundle does not grow with the history (ADR 11).
         */
        @WithDefault("100")
        int ruleDeltasBeforeFull();

        /**
         * How far each tenant's count of deltas before a full bundle is spread above {@code rule-deltas-before-full},
         * as a fraction of it (0.5: from 100 to 149, fixed per tenant). Tenants that move together (a community
         * advisory reaches every exposed tenant in one drain) then ask for their full bundles at different revisions,
         * not all in the same second, when a hundred full bundles would hold up the deltas behind them.
         */
        @WithDefault("0.5")
        double ruleDeltasBeforeFullSpread();

        /**
         * How many waiting rule bundles the gateway stores in one transaction with one broker commit (ADR 16): when the
         * portal publishes a revision for every exposed tenant at once, they are taken together, not one commit each.
         */
        @WithDefault("100")
        int ruleBundleBatch();

        /** How long the gateway waits for a full rule bundle it asked for before it asks again. */
        @WithDefault("PT30S")
        Duration fullBundleRequestPause();

        /**
         * How delivery consumers retry: held, not redelivered, so that a long database outage does not use up the
         * broker's delivery attempts (ADR 6).
         */
        default RetryPolicy retryPolicy() {
            return RetryPolicy.hold(storeAttempts(), maxBackoff());
        }
    }

    /** Isolating-device settings (admission quarantine). */
    interface Isolation {

        /** Which driver isolates machines: {@code recording} (tests, demo) or {@code nftables}. */
        @WithDefault("recording")
        String driver();

        /** The segment new machines are quarantined in. */
        @WithDefault("quarantine")
        String segment();

        /** Addresses quarantined machines may still reach for diagnosis: the gateway, DHCP and DNS servers. */
        Optional<List<String>> diagnosisAddresses();

        /** nftables driver settings. */
        Nftables nftables();

        /** nftables driver settings. */
        interface Nftables {

            /** {@code off} renders only, {@code check} runs {@code nft -c -f -}, {@code apply} runs {@code nft -f -}. */
            @WithDefault("off")
            String mode();

            /** How to start nft, comma-separated: {@code nft}, or e.g. {@code nsenter,-t,PID,-n,nft}. */
            @WithDefault("nft")
            List<String> binary();
        }

        /** iptables, for the string matches of DROP_SIGNATURE isolations (nftables cannot match payload strings). */
        Iptables iptables();

        /** iptables settings. */
        interface Iptables {

            /** How to start iptables, comma-separated; ip6tables and iptables-restore are named after the last part. */
            @WithDefault("iptables")
            List<String> command();
        }

        /** Suricata, for sites that run it beside the string matches of DROP_SIGNATURE isolations. */
        Suricata suricata();

        /** Suricata, for sites that run it beside the string matches of DROP_SIGNATURE isolations. */
        interface Suricata {

            /** The rules file the nftables driver (apply mode) writes one drop rule per order into. */
            @WithDefault("/var/lib/suricata/rules/herd-isolation.rules")
            String rulesFile();
        }
    }

    /** The recovery broker's device endpoint ({@code POST /api/device/orders}). */
    interface Device {

        /**
         * How long a playbook step call waits for the agents' results before answering 503 (pending); must stay below
         * the broker's webhook timeout (10 s).
         */
        @WithDefault("PT8S")
        Duration stepWait();
    }
}
