package dev.herd.agent.monitor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herd.agent.apply.rules.Iptables;
import dev.herd.agent.apply.rules.Nft;
import dev.herd.agent.apply.rules.SignatureRules;
import dev.herd.agent.gateway.GatewayAnswer;
import dev.herd.agent.gateway.GatewayClient;
import dev.herd.agent.process.CommandResult;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;

/**
 * The agent as a network sensor (DESIGN §3.4): the flows connection tracking sees and the signature hits the kernel
 * logs to NFLOG go to the gateway's {@code POST /agent/flows} every interval, at most {@value #BATCH} a request, and an
 * empty batch when the interval saw none, which is the sensor's heartbeat: the portal counts the detector alive only
 * while these arrive. Connection tracking only follows traffic that some rule needs it for, so the loop first loads
 * table {@code inet herd_monitor}, whose one rule per hook counts new connections, and its canary rule
 * ({@link CanaryRule}). Hits are named after the rules the signature chain holds at the time. Flows that cannot be
 * sent wait (bounded) for the next interval.
 */
public class MonitorLoop {

    static final int BATCH = 500;
    static final String TRACKING_TABLE = """
            table inet herd_monitor {
                chain prerouting {
                    type filter hook prerouting priority -150; policy accept;
                    ct state new counter
                }
                chain output {
                    type filter hook output priority -150; policy accept;
                    ct state new counter
                }
            }
            """;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final GatewayClient gateway;
    private final String credential;
    private final FlowQueue queue = new FlowQueue();
    private final ConntrackFeed conntrack;
    private final NflogFeed nflog;
    private final Nft nft;
    private final List<Iptables> families;
    private final PrintStream log;
    private String counted = "";

    /**
     * @param conntrack how to start conntrack; {@code tcpdump} how to start tcpdump (reading NFLOG group
     *     {@link SignatureRules#NFLOG_GROUP}); {@code families} the iptables of IPv4 and IPv6 (the canary rule, and the
     *     signature chain hits are named after)
     */
    public MonitorLoop(
            GatewayClient gateway,
            String credential,
            List<String> conntrack,
            List<String> tcpdump,
            MonitorHits hits,
            Nft nft,
            List<Iptables> families,
            PrintStream log) {
        this.gateway = gateway;
        this.credential = credential;
        this.conntrack = new ConntrackFeed(conntrack, queue);
        this.nflog = new NflogFeed(tcpdump, SignatureRules.NFLOG_GROUP, hits, queue);
        this.nft = nft;
        this.families = List.copyOf(families);
        this.log = log;
    }

    /** Starts the sensor in a daemon thread that sends every {@code interval} until interrupted. */
    public Thread start(Duration interval) {
        return Thread.ofPlatform().daemon().name("herd-monitor").start(() -> {
            try {
                run(interval);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                conntrack.close();
                nflog.close();
            }
        });
    }

    void run(Duration interval) throws InterruptedException {
        CommandResult tracking = nft.apply(TRACKING_TABLE);
        if (!tracking.succeeded()) {
            log.println("monitor: connection tracking table not loaded (" + tracking.message()
                    + "); flows are seen only where other rules track connections");
        }
        CanaryRule.load(families, SignatureRules.NFLOG_GROUP)
                .ifPresent(reason ->
                        log.println("monitor: canary rule " + CanaryRule.CHAIN + " not loaded (" + reason + ")"));
        while (!Thread.currentThread().isInterrupted()) {
            conntrack.ensureRunning().ifPresent(reason -> log.println("monitor: " + reason + "; started again"));
            nflog.ensureRunning().ifPresent(reason -> log.println("monitor: " + reason + "; started again"));
            nflog.use(signatureRules());
            Thread.sleep(interval.toMillis());
            sendWaiting();
            logCounts();
        }
    }

    /** The signature chain's rules as the kernel lists them now, both families. */
    SignatureCatalogue signatureRules() {
        StringBuilder listing = new StringBuilder();
        for (Iptables family : families) {
            CommandResult listed = family.listTable();
            if (listed.succeeded()) {
                listing.append(listed.stdout()).append('\n');
            }
        }
        return SignatureCatalogue.of(listing.toString(), SignatureRules.CHAIN);
    }

    /** Sends what waits, in batches; an empty batch when nothing does. The number of flows sent. */
    int sendWaiting() {
        int sent = 0;
        do {
            List<Flow> batch = queue.take(BATCH);
            if (!send(batch)) {
                queue.putBack(batch);
                return sent;
            }
            sent += batch.size();
            if (batch.size() < BATCH) {
                return sent;
            }
        } while (true);
    }

    private boolean send(List<Flow> batch) {
        try {
            GatewayAnswer answer = gateway.post("/agent/flows", JSON.writeValueAsBytes(batch), credential);
            if (!answer.success()) {
                log.println("monitor: flows refused: " + answer.problemLine());
                return answer.status() == 400 || answer.status() == 413; // a bad batch is not sent again
            }
            return true;
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        } catch (IOException e) {
            log.println("monitor: " + GatewayClient.unreachable(e) + "; flows wait");
            return false;
        }
    }

    /** Says what was skipped, when that changed since it last said so. */
    private void logCounts() {
        List<Long> counts = List.of(
                conntrack.unreadable(), nflog.unreadable(), nflog.unattributed(), nflog.skipped(), queue.dropped());
        String now = counts.get(0) + " conntrack line(s) and " + counts.get(1) + " tcpdump line(s) unreadable, "
                + counts.get(2) + " hit(s) no rule explains, " + counts.get(3)
                + " signature hit(s) not reported (canaries only), " + counts.get(4)
                + " flow(s) dropped while the gateway was away";
        if (!now.equals(counted) && counts.stream().anyMatch(count -> count > 0)) {
            log.println("monitor: skipped so far: " + now);
        }
        counted = now;
    }

    FlowQueue queue() {
        return queue;
    }

    NflogFeed nflog() {
        return nflog;
    }
}
