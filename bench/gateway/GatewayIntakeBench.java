import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.LongFunction;

/**
 * Tenant-gateway intake benchmark (./herd bench gateway), a single-file program without dependencies:
 *
 * <pre>java bench/gateway/GatewayIntakeBench.java GATEWAY_URL AGENT_ID:SECRET REPORT_FILE [SECONDS_PER_RUN]</pre>
 *
 * One client, one connection, requests one after another. The baseline is {@code GET /q/health/live} on that same
 * connection (the HTTP floor); then full reports (REPORT_FILE, what {@code ./herd agent collect --print} prints),
 * small delta reports and 1,000-record flow batches, each signed as the agent. Every figure is printed with its
 * ratio to the baseline's requests per second.
 */
public class GatewayIntakeBench {

    private static final int FLOWS_PER_BATCH = 1_000;

    private final HttpClient client =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String gateway;
    private final String credential;
    private final Duration runFor;
    private long sequence;
    private double floor;

    GatewayIntakeBench(String gateway, String credential, Duration runFor) {
        this.gateway = gateway.replaceAll("/+$", "");
        this.credential = credential;
        this.runFor = runFor;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: java GatewayIntakeBench.java GATEWAY_URL AGENT_ID:SECRET REPORT_FILE [SECONDS]");
            System.exit(2);
        }
        Duration runFor = Duration.ofSeconds(args.length > 3 ? Long.parseLong(args[3]) : 10);
        String report = Files.readString(Path.of(args[2]), StandardCharsets.UTF_8).strip();
        new GatewayIntakeBench(args[0], args[1], runFor).run(report);
    }

    void run(String report) throws Exception {
        String os = object(report, "\"os\"");
        int packages = count(report, "\"sourceName\"");
        byte[] reportBytes = report.getBytes(StandardCharsets.UTF_8);
        byte[] flows = flowBatch();
        LongFunction<HttpRequest> full = seq -> signed("/agent/reports", List.of(
                ("{\"sequence\":" + seq + ",\"kind\":\"FULL\",\"report\":").getBytes(StandardCharsets.UTF_8),
                reportBytes,
                "}".getBytes(StandardCharsets.UTF_8)));
        LongFunction<HttpRequest> delta = seq -> signed("/agent/reports", List.of(("{\"sequence\":" + seq
                        + ",\"kind\":\"DELTA\",\"report\":{\"os\":" + os + "},\"delta\":{\"added\":[{\"name\":"
                        + "\"bench-tool\",\"version\":\"1." + seq + "\",\"architecture\":\"amd64\"}],"
                        + "\"changed\":[{\"name\":\"bench-lib\",\"version\":\"2." + seq + "\",\"architecture\":"
                        + "\"amd64\"}],\"removed\":[{\"name\":\"bench-old\"}]}}")
                .getBytes(StandardCharsets.UTF_8)));
        LongFunction<HttpRequest> flowBatch = seq -> signed("/agent/flows", List.of(flows));
        HttpRequest health = HttpRequest.newBuilder(URI.create(gateway + "/q/health/live")).GET().build();

        // The first report of an agent must be FULL: send it (and warm every path up) before measuring.
        send(full.apply(nextSequence()), 200, "first full report");
        for (int i = 0; i < 20; i++) {
            send(health, 200, "health");
            send(full.apply(nextSequence()), 200, "full report");
            send(delta.apply(nextSequence()), 200, "delta report");
        }
        HttpResponse<String> probe = client.send(flowBatch.apply(0), HttpResponse.BodyHandlers.ofString());
        boolean flowsServed = probe.statusCode() == 202;
        for (int i = 0; flowsServed && i < 20; i++) {
            send(flowBatch.apply(0), 202, "flow batch");
        }

        System.out.printf(Locale.ROOT, "%ngateway %s, %d s per run, one connection, requests in sequence%n",
                gateway, runFor.toSeconds());
        System.out.printf(Locale.ROOT, "%-44s %9s %8s %10s %12s %9s %9s%n",
                "run", "requests", "seconds", "req/s", "items/s", "ms/req", "vs floor");
        measure("HTTP floor: GET /q/health/live", 1, seq -> health, 200);
        measure("full reports (" + packages + " packages, " + reportBytes.length / 1024 + " KiB)", 1,
                seq -> full.apply(nextSequence()), 200);
        measure("delta reports (3 package changes)", 1, seq -> delta.apply(nextSequence()), 200);
        if (flowsServed) {
            measure("flow records (batches of " + FLOWS_PER_BATCH + ", " + flows.length / 1024 + " KiB)",
                    FLOWS_PER_BATCH, flowBatch, 202);
        } else {
            System.out.printf(Locale.ROOT, "%-44s not measured: POST /agent/flows answered HTTP %d%n",
                    "flow records", probe.statusCode());
        }
        System.out.println("(vs floor: requests/s divided by the HTTP floor's requests/s in this run)");
    }

    private void measure(String label, int itemsPerRequest, LongFunction<HttpRequest> request, int status)
            throws Exception {
        long start = System.nanoTime();
        long deadline = start + runFor.toNanos();
        long requests = 0;
        while (System.nanoTime() < deadline) {
            send(request.apply(requests), status, label);
            requests++;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double perSecond = requests / seconds;
        if (floor == 0) {
            floor = perSecond;
        }
        System.out.printf(Locale.ROOT, "%-44s %9d %8.2f %10.1f %12.1f %9.3f %8.3fx%n",
                label, requests, seconds, perSecond, perSecond * itemsPerRequest, 1000 / perSecond,
                perSecond / floor);
    }

    /** Sends a request; any other status than the one expected fails the run. */
    private void send(HttpRequest request, int status, String label) throws Exception {
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == status) {
            return;
        }
        String body = response.body();
        throw new IllegalStateException(label + ": HTTP " + response.statusCode() + " "
                + body.substring(0, Math.min(300, body.length())));
    }

    private HttpRequest signed(String path, List<byte[]> body) {
        return HttpRequest.newBuilder(URI.create(gateway + path))
                .header("Content-Type", "application/json")
                .header("Authorization", "Agent " + credential)
                .header("X-Herd-Timestamp", Long.toString(Instant.now().getEpochSecond()))
                .header("X-Herd-Nonce", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofByteArrays(body))
                .build();
    }

    private long nextSequence() {
        return ++sequence;
    }

    /** A batch of flow records as a sensor would send them: a mix of protocols, some signature hits. */
    private static byte[] flowBatch() {
        String[] protocols = {"tcp", "tcp", "udp", "icmp"};
        Instant base = Instant.now().minusSeconds(60);
        StringBuilder json = new StringBuilder(FLOWS_PER_BATCH * 160).append('[');
        for (int i = 0; i < FLOWS_PER_BATCH; i++) {
            String protocol = protocols[i % protocols.length];
            json.append(i == 0 ? "" : ",")
                    .append("{\"time\":\"").append(base.plusMillis(i * 37L))
                    .append("\",\"source\":\"10.").append(i / 250 % 256).append('.').append(i % 250).append(".7\"")
                    .append(",\"destination\":\"").append(i % 5 == 0 ? "2001:db8::" + (i % 97 + 1) : "192.0.2." + (i % 200 + 1))
                    .append("\",\"protocol\":\"").append(protocol).append('"');
            if (!protocol.equals("icmp")) {
                json.append(",\"port\":").append(i % 3 == 0 ? 443 : 1024 + i * 31 % 60000);
            }
            json.append(",\"bytes\":").append(64 + i * 131L % 150_000);
            if (i % 50 == 0) {
                json.append(",\"signature\":\"ET POLICY bench signature ").append(i).append('"');
            }
            json.append('}');
        }
        return json.append(']').toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The JSON object that follows {@code key} in {@code json}, found by matching braces outside strings. */
    private static String object(String json, String key) {
        int start = json.indexOf('{', json.indexOf(key) + key.length());
        int depth = 0;
        boolean inString = false;
        for (int i = start; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return json.substring(start, i + 1);
            }
        }
        throw new IllegalArgumentException("no object " + key + " in the report");
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
