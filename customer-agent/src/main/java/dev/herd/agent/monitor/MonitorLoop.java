package dev.herd.agent.monitor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herd.agent.apply.rules.Nft;
import dev.herd.agent.gateway.GatewayAnswer;
import dev.herd.agent.gateway.GatewayClient;
import dev.herd.agent.process.CommandResult;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;

/**
 * The agent as a network sensor (DESIGN §3.4): the flows connection tracking sees go to the gateway's
 * {@code POST /agent/flows} every interval, at most {@value #BATCH} a request, and an empty batch when the interval
 * saw none, which is the sensor's heartbeat: the portal counts the detector alive only while these arrive. Connection
 * tracking only follows traffic that some rule needs it for, so the loop first loads table {@code inet herd_monitor},
 * whose one rule per hook counts new connections. Flows that cannot be sent wait (bounded) for the next interval.
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
    private final ConntrackFeed feed;
    private final Nft nft;
    private final PrintStream log;

    public MonitorLoop(GatewayClient gateway, String credential, List<String> conntrack, Nft nft, PrintStream log) {
        this.gateway = gateway;
        this.credential = credential;
        this.feed = new ConntrackFeed(conntrack);
        this.nft = nft;
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
                feed.close();
            }
        });
    }

    void run(Duration interval) throws InterruptedException {
        CommandResult tracking = nft.apply(TRACKING_TABLE);
        if (!tracking.succeeded()) {
            log.println("monitor: connection tracking table not loaded (" + tracking.message()
                    + "); flows are seen only where other rules track connections");
        }
        while (!Thread.currentThread().isInterrupted()) {
            feed.ensureRunning().ifPresent(reason -> log.println("monitor: " + reason + "; started again"));
            Thread.sleep(interval.toMillis());
            sendWaiting();
        }
    }

    /** Sends what waits, in batches; an empty batch when nothing does. The number of flows sent. */
    int sendWaiting() {
        int sent = 0;
        do {
            List<Flow> batch = feed.take(BATCH);
            if (!send(batch)) {
                feed.putBack(batch);
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

    ConntrackFeed feed() {
        return feed;
    }
}
