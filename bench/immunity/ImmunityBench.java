import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The herd-immunity benchmark (./herd bench immunity), a single-file program without dependencies:
 *
 * <pre>java bench/immunity/ImmunityBench.java --key value ...</pre>
 *
 * Keys: gateway, portal (service URLs), token-url, user, password (the operator's login), tenants, machines (per
 * tenant), standing (community advisories in force before the measurement), reports (200), interval-ms (250), run (a
 * unique word for names), agents (concurrent set-up agents), db-port, db-password (PostgreSQL, read with psql),
 * stall-seconds (give up when a set-up phase stops moving for that long), wait-seconds (the watchers' long poll).
 *
 * Everything goes through the platform's own APIs, as an operator and as agents: tenants at the portal, machines
 * enrolled at the gateway, each with a first FULL report listening on tcp/443; one bundle watcher per tenant (an agent
 * long-polling {@code GET /agent/rule-bundle} with {@code If-None-Match} and {@code A-IM: herd-delta}); the standing
 * community advisories learnt the way every community advisory is, from signature hits in flow records at the gateway
 * (portal damage, hub community advisory, rules at every exposed tenant). Then the first tenant's first machine reports
 * {@code reports} flows, one every {@code interval-ms}, each with a new signature, and each is timed from its sending
 * until the last tenant's watcher has received a bundle answer holding its rule. Progress goes to stderr.
 */
public class ImmunityBench {

    private final Map<String, String> options;
    private final OperatorApi api;
    private final String gateway;
    private final String portal;
    private final String run;
    private final int tenantCount;
    private final int machines;
    private final int standing;
    private final int reports;
    private final long stallNanos;
    private final List<String> tenants = new ArrayList<>();
    private boolean retired;
    /** When the run gives up (System.nanoTime), from max-minutes; never when that is 0. */
    private static long deadline = Long.MAX_VALUE;

    ImmunityBench(Map<String, String> options) {
        this.options = options;
        this.api = new OperatorApi(options.get("token-url"), options.get("user"), options.get("password"));
        this.gateway = options.get("gateway");
        this.portal = options.get("portal");
        this.run = options.get("run");
        this.tenantCount = Integer.parseInt(options.get("tenants"));
        this.machines = Integer.parseInt(options.get("machines"));
        this.standing = Integer.parseInt(options.get("standing"));
        this.reports = Integer.parseInt(options.getOrDefault("reports", "200"));
        this.stallNanos = Long.parseLong(options.getOrDefault("stall-seconds", "300")) * 1_000_000_000L;
        long minutes = Long.parseLong(options.getOrDefault("max-minutes", "0"));
        if (minutes > 0) {
            deadline = System.nanoTime() + minutes * 60_000_000_000L;
        }
        for (int t = 0; t < tenantCount; t++) {
            tenants.add("immu-" + run + "-t" + t);
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        for (String key : List.of("gateway", "portal", "token-url", "user", "password", "tenants", "machines",
                "standing", "run")) {
            if (!options.containsKey(key)) {
                System.err.println("ImmunityBench: --" + key + " missing (see the class comment)");
                System.exit(2);
            }
        }
        try {
            System.exit(new ImmunityBench(options).run() ? 0 : 1);
        } catch (Exception e) {
            Throwable cause = e instanceof java.util.concurrent.ExecutionException && e.getCause() != null
                    ? e.getCause() : e;
            System.err.println("immunity bench stopped: " + cause);
            System.exit(1);
        }
    }

    boolean run() throws Exception {
        int agents = Integer.parseInt(options.getOrDefault("agents", "16"));
        ExecutorService pool = Executors.newFixedThreadPool(agents);
        List<BundleWatcher> watchers = new ArrayList<>();
        int fleet = tenantCount * machines;
        AgentCredential[] credentials = new AgentCredential[fleet];
        try {
            long started = System.nanoTime();
            Progress created = new Progress("tenants created", tenantCount);
            inParallel(pool, tenantCount, t -> () -> {
                api.post(portal + "/api/tenants", "{\"id\":\"" + tenants.get(t) + "\",\"displayName\":\"Immunity "
                        + "bench " + tenants.get(t) + "\"}", 201, 409);
                created.tick();
                return null;
            });
            created.done();

            Progress enrolled = new Progress("machines enrolled and reported (FULL, tcp/443)", fleet);
            inParallel(pool, fleet, i -> () -> {
                checkDeadline("enrolment, " + enrolled.done + " of " + fleet + " machines");
                credentials[i] = enrolAndReport(i / machines, i % machines);
                enrolled.tick();
                return null;
            });
            enrolled.done();
            waitForExposure(pool);
            info("set-up: %d tenants x %d machines listening on tcp/443 in %.0f s", tenantCount, machines,
                    (System.nanoTime() - started) / 1e9);

            Sightings sightings = new Sightings();
            HttpClient watchClient = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10)).build();
            int wait = Integer.parseInt(options.getOrDefault("wait-seconds", "30"));
            for (int t = 0; t < tenantCount; t++) {
                BundleWatcher watcher = new BundleWatcher(watchClient, gateway, tenants.get(t),
                        credentials[t * machines + machines - 1], wait, sightings);
                watchers.add(watcher);
                watcher.start();
            }

            Psql psql = new Psql(options.getOrDefault("db-port", "15432"), options.getOrDefault("db-password",
                    "herd"));
            BundleStorage storage = new BundleStorage(psql, "immu-" + run + "-t%");
            BundleStorage.Snapshot beforeStanding = storage.snapshot();
            String standingPrefix = "HERD-IMMU-" + run + "-S";
            if (standing > 0) {
                watchers.forEach(w -> w.pause(1000));
                long learning = System.nanoTime();
                learnStanding(pool, credentials, standingPrefix);
                waitForStanding(watchers, standingPrefix);
                info("standing: %d community advisories learnt from damage and in force at all %d tenants in %.0f s",
                        standing, tenantCount, (System.nanoTime() - learning) / 1e9);
            }
            BundleStorage.Snapshot beforeReports = storage.snapshot();
            if (standing > 0) {
                storage.print("standing", beforeStanding, beforeReports);
            }

            watchers.forEach(w -> w.pause(0));
            Thread.sleep(1500); // every watcher back to polling at once
            info("platform before the damage reports: %s; broker backlog %s messages (other traffic on the platform "
                    + "counts too)", platformLoad(psql), backlog());
            Sent sent = damage(credentials[0], sightings);
            waitForQuiet(watchers);
            List<Long> latencies = latencies(sent, sightings, StageTimes.read(psql, "HERD-IMMU-" + run + "-D",
                    "immu-" + run + "-t%"));
            BundleStorage.Snapshot after = storage.snapshot();
            watchers.forEach(BundleWatcher::stop);
            if (!Boolean.parseBoolean(options.getOrDefault("keep", "false"))) {
                retire(pool, credentials);
            }
            retired = true;
            storage.print("damage reports", beforeReports, after);
            long fulls = watchers.stream().mapToLong(BundleWatcher::fulls).sum();
            long deltas = watchers.stream().mapToLong(BundleWatcher::deltas).sum();
            info("agents' answers (whole run): %d full bundles, %s each on average; %d deltas, %s each on average",
                    fulls, bytes(watchers.stream().mapToLong(BundleWatcher::fullBytes).sum() / Math.max(1, fulls)),
                    deltas, bytes(watchers.stream().mapToLong(BundleWatcher::deltaBytes).sum() / Math.max(1, deltas)));
            if (latencies.isEmpty()) {
                info("damage→prevention: no report reached every tenant");
                return false;
            }
            Collections.sort(latencies);
            info("damage→prevention: p50 %d ms, p99 %d ms over %d reports at %d tenants with %d standing community "
                    + "advisories", percentile(latencies, 50), percentile(latencies, 99), latencies.size(),
                    tenantCount, standing);
            return latencies.size() == reports;
        } finally {
            watchers.forEach(BundleWatcher::stop);
            if (!retired && !Boolean.parseBoolean(options.getOrDefault("keep", "false"))) {
                retire(pool, credentials);
            }
            pool.shutdownNow();
        }
    }

    /** Community advisories in force and tenants exposed on tcp/443 across the whole platform, not only this run's. */
    private String platformLoad(Psql psql) {
        String[] v = psql.query("SELECT (SELECT count(*) FROM hub.community_advisory WHERE revoked_at IS NULL), "
                + "(SELECT count(DISTINCT tenant_id) FROM portal.machine_listening WHERE protocol = 'tcp' AND port = "
                + "443), (SELECT count(*) FROM portal.machine_listening WHERE protocol = 'tcp' AND port = 443)")
                .split("\\|");
        return v.length != 3 ? "unknown" : String.format(Locale.ROOT, "%s community advisories in force (%d learnt "
                + "by this run), %s tenants with %s machines on tcp/443 (%d of them this run's)", v[0], standing, v[1],
                v[2], tenantCount);
    }

    /** Messages waiting in every durable subscription (Artemis' Jolokia API), or "unknown". */
    private String backlog() {
        String console = options.get("artemis-console");
        if (console == null) {
            return "unknown";
        }
        String mbeans = "org.apache.activemq.artemis:component=addresses,subcomponent=queues,routing-type=%22multicast"
                + "%22,*";
        try {
            HttpResponse<String> response = api.client().send(HttpRequest.newBuilder(URI.create(console
                    + "/console/jolokia/read/" + mbeans + "/MessageCount")).timeout(Duration.ofSeconds(30))
                    .header("Origin", "http://127.0.0.1").header("Authorization", "Basic " + java.util.Base64
                            .getEncoder().encodeToString(options.getOrDefault("broker-login", "herd:herd")
                                    .getBytes(StandardCharsets.UTF_8))).build(),
                    HttpResponse.BodyHandlers.ofString());
            long total = 0;
            Matcher m = Pattern.compile("\"MessageCount\"\\s*:\\s*(\\d+)").matcher(response.body());
            while (m.find()) {
                total += Long.parseLong(m.group(1));
            }
            return response.statusCode() == 200 ? Long.toString(total) : "unknown";
        } catch (Exception e) {
            return "unknown";
        }
    }

    /** Issues an enrolment token, enrols machine {@code m} of tenant {@code t} and sends its first FULL report. */
    private AgentCredential enrolAndReport(int t, int m) throws Exception {
        String tenant = tenants.get(t);
        String name = String.format(Locale.ROOT, "%s-m%04d", tenant, m);
        String issued = api.post(gateway + "/api/enrolment-tokens", "{\"tenantId\":\"" + tenant + "\"}", 201);
        String answer = api.postAnonymous(gateway + "/agent/enrol", "{\"token\":\"" + field(issued, "token")
                + "\",\"hostname\":\"" + name + "\",\"machineId\":\"" + name + "\"}", 201);
        AgentCredential agent = new AgentCredential(tenant, name, address(m), field(answer, "credential"));
        agent.send(api.client(), gateway + "/agent/reports", report(agent, m, 1, true), 200);
        return agent;
    }

    /** A FULL report of machine {@code m}: no packages, and tcp/443 open on every address or nothing open. */
    private static String report(AgentCredential agent, int m, int sequence, boolean listening) {
        return "{\"sequence\":" + sequence + ",\"kind\":\"FULL\",\"report\":{\"hostname\":\"" + agent.name()
                + "\",\"os\":{\"id\":\"debian\",\"versionId\":\"12\",\"architecture\":\"amd64\",\"hostname\":\""
                + agent.name() + "\"},\"interfaces\":[{\"name\":\"eth0\",\"mac\":\"" + mac(m) + "\",\"ipv4\":[\""
                + agent.address() + "/16\"],\"ipv6\":[]}],\"listening\":["
                + (listening ? "{\"protocol\":\"tcp\",\"address\":\"0.0.0.0\",\"port\":443}" : "")
                + "],\"packages\":[]}}";
    }

    /**
     * Every bench machine reports again with nothing listening, so that community advisories learnt after this run do
     * not reach its tenants (which stay: tenants cannot be deleted). Best effort: a failure is only counted.
     */
    private void retire(ExecutorService pool, AgentCredential[] credentials) throws InterruptedException {
        Progress retired = new Progress("machines retired (FULL report, nothing listening)", credentials.length);
        AtomicInteger failed = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < credentials.length; i++) {
            AgentCredential agent = credentials[i];
            int m = i % machines;
            futures.add(pool.submit(() -> {
                try {
                    if (agent != null) {
                        agent.send(api.client(), gateway + "/agent/reports", report(agent, m, 2, false), 200);
                        retired.tick();
                    }
                } catch (Exception e) {
                    failed.incrementAndGet();
                }
            }));
        }
        for (Future<?> future : futures) {
            try {
                future.get();
            } catch (java.util.concurrent.ExecutionException e) {
                failed.incrementAndGet();
            }
        }
        retired.done();
        if (failed.get() > 0) {
            info("%d machines could not be retired: their tenants stay exposed on tcp/443", failed.get());
        }
    }

    /** 10.220.0.0/16 in every tenant: machine m at 10.220.(m / 250).(m % 250 + 1). */
    private static String address(int m) {
        return "10.220." + (m / 250) + "." + (m % 250 + 1);
    }

    private static String mac(int m) {
        return String.format(Locale.ROOT, "02:00:0a:dc:%02x:%02x", m / 250, m % 250 + 1);
    }

    /** Waits until the portal's exposure index lists every machine of every bench tenant on tcp/443. */
    private void waitForExposure(ExecutorService pool) throws Exception {
        long expected = (long) tenantCount * machines;
        new Wait("machines in the portal's tcp/443 exposure index", expected, stallNanos).until(() -> {
            List<Future<Long>> counts = new ArrayList<>();
            for (String tenant : tenants) {
                counts.add(pool.submit(() -> exposed(tenant)));
            }
            long count = 0;
            for (Future<Long> c : counts) {
                count += c.get();
            }
            return count;
        });
    }

    private long exposed(String tenant) throws Exception {
        long count = 0;
        String after = null;
        do {
            String body = api.get(portal + "/api/tenants/" + tenant + "/exposure?protocol=tcp&port=443&size=1000"
                    + (after == null ? "" : "&after=" + after)).body();
            Map<String, Object> page = Json.object(body);
            count += ((List<?>) page.get("machines")).size();
            after = (String) page.get("next");
        } while (after != null);
        return count;
    }

    /**
     * Reports the standing signatures as damage: signature i hits machine 0 of tenant i mod T, in flow batches of up to
     * 50 per agent request, so that every tenant has learnt some and each becomes a community advisory of its own.
     */
    private void learnStanding(ExecutorService pool, AgentCredential[] credentials, String prefix) throws Exception {
        int batch = 50;
        List<List<Integer>> batches = new ArrayList<>();
        for (int t = 0; t < tenantCount; t++) {
            List<Integer> current = new ArrayList<>();
            for (int i = t; i < standing; i += tenantCount) {
                current.add(i);
                if (current.size() == batch) {
                    batches.add(current);
                    current = new ArrayList<>();
                }
            }
            if (!current.isEmpty()) {
                batches.add(current);
            }
        }
        Progress sent = new Progress("standing signatures reported as damage", standing);
        inParallel(pool, batches.size(), b -> () -> {
            List<Integer> signatures = batches.get(b);
            AgentCredential victim = credentials[(signatures.getFirst() % tenantCount) * machines];
            StringBuilder flows = new StringBuilder("[");
            for (int i : signatures) {
                flows.append(flows.length() > 1 ? "," : "").append(flow(victim, prefix + String.format(Locale.ROOT,
                        "%05d", i), i));
            }
            victim.send(api.client(), gateway + "/agent/flows", flows.append(']').toString(), 202);
            for (int i = 0; i < signatures.size(); i++) {
                sent.tick();
            }
            return null;
        });
        sent.done();
    }

    /** Waits until every watcher holds a rule for every standing signature. */
    private void waitForStanding(List<BundleWatcher> watchers, String prefix) throws Exception {
        new Wait("standing rules held by the tenants' agents", (long) standing * tenantCount, stallNanos).until(() -> {
            long held = 0;
            for (BundleWatcher watcher : watchers) {
                held += watcher.countWithPrefix(prefix);
            }
            return held;
        });
    }

    /**
     * Sends the damage reports, one every {@code interval-ms}, and answers each report's latency in milliseconds: from
     * sending its flow until the last tenant's watcher received its rule. Reports not seen at every tenant within
     * {@code stall-seconds} after the last was sent are left out (and named).
     */
    private Sent damage(AgentCredential victim, Sightings sightings) throws Exception {
        long interval = Long.parseLong(options.getOrDefault("interval-ms", "250")) * 1_000_000L;
        String prefix = "HERD-IMMU-" + run + "-D";
        long[] sentAt = new long[reports];
        String[] signatures = new String[reports];
        Map<String, Long> latencies = new ConcurrentHashMap<>();
        long start = System.nanoTime();
        long printed = start;
        for (int n = 0; n < reports; n++) {
            long due = start + n * interval;
            long now;
            while ((now = System.nanoTime()) < due) {
                Thread.sleep(Math.max(1, (due - now) / 1_000_000));
            }
            signatures[n] = prefix + String.format(Locale.ROOT, "%03d", n + 1);
            sentAt[n] = System.nanoTime();
            victim.send(api.client(), gateway + "/agent/flows", "[" + flow(victim, signatures[n], n) + "]", 202);
            if (System.nanoTime() - printed > 5_000_000_000L) {
                printed = System.nanoTime();
                System.err.printf(Locale.ROOT, "  damage reports: %d/%d sent, %d at every tenant%n", n + 1, reports,
                        sightings.complete(signatures, tenantCount));
            }
        }
        long lastSent = System.nanoTime();
        while (sightings.complete(signatures, tenantCount) < reports && System.nanoTime() - lastSent < stallNanos
                && System.nanoTime() < deadline) {
            if (System.nanoTime() - printed > 5_000_000_000L) {
                printed = System.nanoTime();
                System.err.printf(Locale.ROOT, "  damage reports: %d/%d at every tenant %.0f s after the last%n",
                        sightings.complete(signatures, tenantCount), reports, (printed - lastSent) / 1e9);
            }
            Thread.sleep(100);
        }
        return new Sent(signatures, sentAt);
    }

    /** The damage reports sent: signature n was sent at {@code sentAt[n]} (System.nanoTime). */
    record Sent(String[] signatures, long[] sentAt) {}

    /**
     * Each report's latency in milliseconds, from its acceptance at the gateway (its monitor record's
     * {@code received_at}; the bench's sending time when that cannot be read) until the last tenant's watcher received
     * its rule; prints where the time went. Reports not at every tenant are left out, and named.
     */
    private List<Long> latencies(Sent sent, Sightings sightings, StageTimes stages) {
        List<Long> result = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        Map<String, List<Long>> split = new LinkedHashMap<>();
        for (String stage : StageTimes.STAGES.keySet()) {
            split.put(stage, new ArrayList<>());
        }
        int fromSending = 0;
        for (int n = 0; n < sent.signatures().length; n++) {
            String signature = sent.signatures()[n];
            Map<String, Long> seen = sightings.of(signature);
            Long accepted = stages.at("accepted", signature);
            long start = accepted != null ? accepted : Sightings.wallMicros(sent.sentAt()[n]);
            fromSending += accepted == null ? 1 : 0;
            for (String stage : StageTimes.STAGES.keySet()) {
                Long at = stages.at(stage, signature);
                if (at != null && accepted != null) {
                    split.get(stage).add(Math.round((at - accepted) / 1e3));
                }
            }
            if (seen.size() == tenantCount) {
                long last = Sightings.wallMicros(Collections.max(seen.values()));
                result.add(Math.round((last - start) / 1e3));
                if (accepted != null) {
                    split.get("agents").add(Math.round((last - accepted) / 1e3));
                }
            } else {
                missing.add(signature + " (" + seen.size() + "/" + tenantCount + " tenants)");
            }
        }
        StringBuilder line = new StringBuilder("where the time went (ms after the gateway accepted the flow, p50/p99):");
        for (Map.Entry<String, List<Long>> stage : split.entrySet()) {
            List<Long> values = stage.getValue();
            Collections.sort(values);
            String label = StageTimes.STAGES.getOrDefault(stage.getKey(), "last tenant's agent answered");
            line.append(values.isEmpty() ? String.format(Locale.ROOT, " %s -;", label)
                    : String.format(Locale.ROOT, " %s %d/%d;", label, percentile(values, 50), percentile(values, 99)));
        }
        info("%s", line.substring(0, line.length() - 1));
        if (fromSending > 0) {
            info("%d reports timed from the bench's sending: their monitor record could not be read", fromSending);
        }
        if (!missing.isEmpty()) {
            info("not at every tenant after %d s: %d reports, first %s", stallNanos / 1_000_000_000L,
                    missing.size(), missing.subList(0, Math.min(3, missing.size())));
        }
        return result;
    }

    /** Waits (at most 30 s) until no watcher has had an answer for 3 s, so the storage figures are complete. */
    private static void waitForQuiet(List<BundleWatcher> watchers) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            long last = watchers.stream().mapToLong(BundleWatcher::lastChangeAt).max().orElse(0);
            if (System.nanoTime() - last > 3_000_000_000L) {
                return;
            }
            Thread.sleep(200);
        }
    }

    private static String flow(AgentCredential victim, String signature, int n) {
        return "{\"time\":\"" + Instant.now().toString() + "\",\"source\":\"198.51.100." + (n % 250 + 1)
                + "\",\"destination\":\"" + victim.address() + "\",\"protocol\":\"tcp\",\"port\":443,"
                + "\"bytes\":4096,\"signature\":\"" + signature + "\"}";
    }

    /** Nearest rank, as ./herd demo computes it. */
    static long percentile(List<Long> sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.min(sorted.size() - 1, Math.max(0, rank - 1)));
    }

    /** Runs {@code n} tasks on the pool and fails on the first that fails. */
    private static void inParallel(ExecutorService pool, int n, IntFunction<Callable<Void>> task) throws Exception {
        List<Future<Void>> futures = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            futures.add(pool.submit(task.apply(i)));
        }
        for (Future<Void> future : futures) {
            future.get();
        }
    }

    /** Fails once the run has used its max-minutes, naming what it was doing. */
    static void checkDeadline(String what) {
        if (System.nanoTime() > deadline) {
            throw new IllegalStateException("max-minutes used up during: " + what);
        }
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    static String bytes(long bytes) {
        if (bytes < 0) {
            return "unknown";
        }
        if (bytes < 10_000) {
            return bytes + " B";
        }
        return bytes < 10_000_000
                ? String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0)
                : String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0);
    }

    static void info(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
        System.out.flush();
    }
}

/** An enrolled agent's credential and the requests it signs (Authorization, X-Herd-Timestamp, X-Herd-Nonce). */
record AgentCredential(String tenant, String name, String address, String credential) {

    HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Agent " + credential)
                .header("X-Herd-Timestamp", Long.toString(Instant.now().getEpochSecond()))
                .header("X-Herd-Nonce", UUID.randomUUID().toString());
    }

    /** POSTs JSON as the agent; any other status than {@code ok} fails. */
    String send(HttpClient client, String url, String json, int ok) throws Exception {
        HttpResponse<String> response = client.send(request(url).timeout(Duration.ofMinutes(2))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != ok) {
            throw new IllegalStateException("POST " + url + " as " + name + ": HTTP " + response.statusCode() + " "
                    + response.body());
        }
        return response.body();
    }
}

/** When each tenant's watcher first received a bundle answer holding a signature's rule (System.nanoTime). */
final class Sightings {

    private static final long WALL_MICROS = Instant.now().toEpochMilli() * 1000;
    private static final long NANOS = System.nanoTime();

    /** A System.nanoTime as microseconds since the epoch, to compare with the services' timestamps. */
    static long wallMicros(long nanoTime) {
        return WALL_MICROS + (nanoTime - NANOS) / 1000;
    }

    private final Map<String, Map<String, Long>> seen = new ConcurrentHashMap<>();

    void saw(String signature, String tenant, long at) {
        seen.computeIfAbsent(signature, s -> new ConcurrentHashMap<>()).putIfAbsent(tenant, at);
    }

    Map<String, Long> of(String signature) {
        return seen.getOrDefault(signature, Map.of());
    }

    /** How many of the signatures sent so far (non-null) every tenant has. */
    int complete(String[] signatures, int tenants) {
        int n = 0;
        for (String signature : signatures) {
            if (signature != null && of(signature).size() == tenants) {
                n++;
            }
        }
        return n;
    }
}

/**
 * One tenant's simulated agent polling its rule bundle as the real agent does: {@code GET /agent/rule-bundle?wait=N}
 * with {@code If-None-Match: "<revision held>"} and {@code A-IM: herd-delta}. It folds full answers (200) and deltas
 * (226) into the rules it holds, by number, and reports each signature the first time an answer holds it.
 */
final class BundleWatcher {

    private final HttpClient client;
    private final String url;
    private final String tenant;
    private final AgentCredential agent;
    private final Sightings sightings;
    private final Map<Integer, String> signatures = new ConcurrentHashMap<>();
    private final AtomicLong fulls = new AtomicLong();
    private final AtomicLong deltas = new AtomicLong();
    private final AtomicLong fullBytes = new AtomicLong();
    private final AtomicLong deltaBytes = new AtomicLong();
    private final AtomicLong lastChangeAt = new AtomicLong();
    private volatile boolean running = true;
    private volatile long pauseMillis;
    private volatile String etag;
    private Thread thread;

    BundleWatcher(HttpClient client, String gateway, String tenant, AgentCredential agent, int wait,
            Sightings sightings) {
        this.client = client;
        this.url = gateway + "/agent/rule-bundle?wait=" + wait;
        this.tenant = tenant;
        this.agent = agent;
        this.sightings = sightings;
    }

    void start() {
        thread = Thread.ofVirtual().name("watcher-" + tenant).start(this::poll);
    }

    void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    /** Time between an answer and the next poll: while the standing advisories are learnt, not to add load. */
    void pause(long millis) {
        pauseMillis = millis;
    }

    long fulls() {
        return fulls.get();
    }

    long deltas() {
        return deltas.get();
    }

    long fullBytes() {
        return fullBytes.get();
    }

    long deltaBytes() {
        return deltaBytes.get();
    }

    long lastChangeAt() {
        return lastChangeAt.get();
    }

    long countWithPrefix(String prefix) {
        return signatures.values().stream().filter(s -> s.startsWith(prefix)).count();
    }

    private void poll() {
        int failures = 0;
        while (running) {
            try {
                HttpRequest.Builder request = agent.request(url).timeout(Duration.ofMinutes(3)).header("A-IM",
                        "herd-delta");
                if (etag != null) {
                    request.header("If-None-Match", etag);
                }
                HttpResponse<String> response = client.send(request.GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                long at = System.nanoTime();
                switch (response.statusCode()) {
                    case 200 -> {
                        fullBytes.addAndGet(response.body().length());
                        fold(Json.object(response.body()), true, at);
                    }
                    case 226 -> {
                        deltaBytes.addAndGet(response.body().length());
                        fold(Json.object(response.body()), false, at);
                    }
                    case 204, 304 -> { }
                    default -> throw new IOException("HTTP " + response.statusCode() + " " + response.body());
                }
                response.headers().firstValue("ETag").ifPresent(tag -> etag = tag);
                failures = 0;
                if (pauseMillis > 0) {
                    Thread.sleep(pauseMillis);
                }
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                if (!running) {
                    return;
                }
                if (++failures % 10 == 1) {
                    System.err.printf(Locale.ROOT, "  watcher %s: %s (retrying)%n", tenant, e);
                }
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException stopped) {
                    return;
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void fold(Map<String, Object> bundle, boolean full, long at) {
        if (full) {
            fulls.incrementAndGet();
            signatures.clear();
            for (Object rule : (List<Object>) bundle.getOrDefault("rules", List.of())) {
                put((Map<String, Object>) rule);
            }
        } else {
            deltas.incrementAndGet();
            Map<String, Object> changes = (Map<String, Object>) bundle.getOrDefault("changes", Map.of());
            for (Object number : (List<Object>) changes.getOrDefault("withdrawn", List.of())) {
                signatures.remove(((Number) number).intValue());
            }
            for (Object rule : (List<Object>) changes.getOrDefault("put", List.of())) {
                put((Map<String, Object>) rule);
            }
        }
        lastChangeAt.set(at);
        for (String signature : signatures.values()) {
            sightings.saw(signature, tenant, at);
        }
    }

    private void put(Map<String, Object> rule) {
        int number = ((Number) rule.get("number")).intValue();
        Object signature = rule.get("signature");
        if (signature instanceof String s && !s.isBlank()) {
            signatures.put(number, s);
        } else {
            signatures.remove(number);
        }
    }
}

/** The bench tenants' rule-bundle rows in the portal and the gateway, read with psql (sizes as PostgreSQL stores them). */
final class BundleStorage {

    /** Revisions the portal made for the bench tenants, bytes of their rows, and the four tables' total sizes. */
    record Snapshot(long revisions, long portalRows, long portalBytes, long gatewayRows, long gatewayBytes,
            long gatewayFullBytes, long portalTable, long gatewayTables) {}

    private final Psql psql;
    private final String tenantPattern;

    BundleStorage(Psql psql, String tenantPattern) {
        this.psql = psql;
        this.tenantPattern = tenantPattern;
    }

    Snapshot snapshot() {
        String p = Psql.literal(tenantPattern);
        String sql = "SELECT (SELECT coalesce(sum(revision), 0) FROM portal.rule_bundle_state WHERE tenant_id LIKE " + p
                + "), (SELECT count(*) FROM portal.rule_bundle WHERE tenant_id LIKE " + p + "), "
                + "(SELECT coalesce(sum(pg_column_size(b.*)), 0) FROM portal.rule_bundle b WHERE tenant_id LIKE " + p
                + "), (SELECT count(*) FROM gateway.rule_bundle_delta WHERE tenant_id LIKE " + p + ") + "
                + "(SELECT count(*) FROM gateway.rule_bundle WHERE tenant_id LIKE " + p + "), "
                + "(SELECT coalesce(sum(pg_column_size(d.*)), 0) FROM gateway.rule_bundle_delta d WHERE tenant_id LIKE "
                + p + ") + (SELECT coalesce(sum(pg_column_size(g.*)), 0) FROM gateway.rule_bundle g WHERE tenant_id "
                + "LIKE " + p + "), (SELECT coalesce(sum(pg_column_size(g.body)), 0) FROM gateway.rule_bundle g WHERE "
                + "tenant_id LIKE " + p + "), pg_total_relation_size('portal.rule_bundle'), "
                + "pg_total_relation_size('gateway.rule_bundle') + pg_total_relation_size('gateway.rule_bundle_delta')";
        String[] values = psql.query(sql).split("\\|");
        if (values.length != 8) {
            return new Snapshot(-1, -1, -1, -1, -1, -1, -1, -1);
        }
        long[] v = new long[8];
        for (int i = 0; i < 8; i++) {
            v[i] = Long.parseLong(values[i].strip());
        }
        return new Snapshot(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]);
    }

    /** One line per store: what the phase added per bundle change (a revision of one tenant's bundle). */
    void print(String phase, Snapshot before, Snapshot after) {
        if (before.revisions() < 0 || after.revisions() < 0) {
            ImmunityBench.info("bundle storage (%s): unknown (psql could not read the tables)", phase);
            return;
        }
        long changes = Math.max(1, after.revisions() - before.revisions());
        ImmunityBench.info("bundle storage (%s): %d bundle changes; portal.rule_bundle +%d rows, +%s = %s per "
                + "change (table +%s); gateway rule_bundle + rule_bundle_delta %+d rows, %s -> %s (tables +%s) = "
                + "%s per change", phase, after.revisions() - before.revisions(), after.portalRows()
                - before.portalRows(), ImmunityBench.bytes(after.portalBytes() - before.portalBytes()),
                ImmunityBench.bytes((after.portalBytes() - before.portalBytes()) / changes),
                ImmunityBench.bytes(after.portalTable() - before.portalTable()), after.gatewayRows()
                - before.gatewayRows(), ImmunityBench.bytes(before.gatewayBytes()),
                ImmunityBench.bytes(after.gatewayBytes()),
                ImmunityBench.bytes(after.gatewayTables() - before.gatewayTables()),
                ImmunityBench.bytes(Math.max(0, after.gatewayBytes() - before.gatewayBytes()) / changes));
    }
}

/**
 * When each damage report passed each service, from the services' own tables (read-only, microseconds since the
 * epoch): its monitor record accepted at the gateway, its damage report received by the hub, its rule created at the
 * first and the last bench tenant, and the last bench tenant's gateway storing the delta that carries it.
 */
final class StageTimes {

    /** Stage and label, in the order they happen. */
    static final Map<String, String> STAGES = new LinkedHashMap<>();

    static {
        STAGES.put("hub", "hub got the damage report");
        STAGES.put("first-rule", "rule at the first tenant");
        STAGES.put("last-rule", "at the last");
        STAGES.put("gateway", "last tenant's delta at the gateway");
        STAGES.put("agents", "last tenant's agent answered");
    }

    private final Map<String, Map<String, Long>> times = new HashMap<>();

    Long at(String stage, String signature) {
        return times.getOrDefault(stage, Map.of()).get(signature);
    }

    static StageTimes read(Psql psql, String signaturePrefix, String tenantPattern) {
        String s = Psql.literal(signaturePrefix + "%");
        String t = Psql.literal(tenantPattern);
        String micros = "(extract(epoch FROM %s) * 1000000)::bigint";
        String sql = String.join(" UNION ALL ",
                "SELECT 'accepted', signature, " + micros.formatted("min(received_at)")
                        + " FROM gateway.monitor_record WHERE signature LIKE " + s + " GROUP BY signature",
                "SELECT 'hub', i->>'value', " + micros.formatted("min(r.received_at)") + " FROM hub.community_advisory a"
                        + " CROSS JOIN jsonb_array_elements(a.indicators) i JOIN hub.community_report r ON"
                        + " r.advisory_id = a.advisory_id WHERE i->>'value' LIKE " + s + " GROUP BY 2",
                "SELECT 'first-rule', signature, " + micros.formatted("min(created_at)") + " FROM portal.filter_rule"
                        + " WHERE signature LIKE " + s + " AND tenant_id LIKE " + t + " GROUP BY signature",
                "SELECT 'last-rule', signature, " + micros.formatted("max(created_at)") + " FROM portal.filter_rule"
                        + " WHERE signature LIKE " + s + " AND tenant_id LIKE " + t + " GROUP BY signature",
                "SELECT 'gateway', c->>'signature', " + micros.formatted("max(d.received_at)")
                        + " FROM portal.rule_bundle b CROSS JOIN jsonb_array_elements(b.changes->'put') c"
                        + " JOIN gateway.rule_bundle_delta d ON d.tenant_id = b.tenant_id AND d.revision = b.revision"
                        + " WHERE b.tenant_id LIKE " + t + " AND c->>'signature' LIKE " + s + " GROUP BY 2");
        StageTimes stages = new StageTimes();
        for (String row : psql.query(sql).split("\n")) {
            String[] v = row.split("\\|");
            if (v.length == 3 && !v[2].isBlank()) {
                stages.times.computeIfAbsent(v[0], k -> new HashMap<>()).put(v[1], Long.parseLong(v[2]));
            }
        }
        return stages;
    }
}

/** Read-only SQL against the platform's database through psql: {@code -At} output, or "" when psql fails. */
record Psql(String port, String password) {

    String query(String sql) {
        try {
            ProcessBuilder psql = new ProcessBuilder("psql", "-h", "127.0.0.1", "-p", port, "-U", "herd", "-d", "herd",
                    "-v", "ON_ERROR_STOP=1", "-Atc", sql);
            psql.environment().put("PGPASSWORD", password);
            psql.redirectErrorStream(true);
            Process process = psql.start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (process.waitFor() != 0) {
                System.err.println("  psql: " + out);
                return "";
            }
            return out;
        } catch (IOException e) {
            System.err.println("  psql: " + e.getMessage());
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /** A LIKE pattern as an SQL literal. */
    static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}

/** Polls a count every second until it reaches the expected total; fails when it stops moving for too long. */
final class Wait {

    interface Count {
        long now() throws Exception;
    }

    private final String what;
    private final long expected;
    private final long stallNanos;

    Wait(String what, long expected, long stallNanos) {
        this.what = what;
        this.expected = expected;
        this.stallNanos = stallNanos;
    }

    void until(Count count) throws Exception {
        long started = System.nanoTime();
        long changed = started;
        long printed = started;
        long last = -1;
        while (true) {
            long polled = System.nanoTime();
            long value = count.now();
            ImmunityBench.checkDeadline(what + ", " + value + "/" + expected);
            if (value >= expected) {
                System.err.printf(Locale.ROOT, "  %s: %d/%d after %.0f s%n", what, value, expected,
                        (polled - started) / 1e9);
                return;
            }
            if (value != last) {
                last = value;
                changed = polled;
            } else if (polled - changed > stallNanos) {
                throw new IllegalStateException(String.format(Locale.ROOT, "%s stopped at %d of %d for %d s", what,
                        value, expected, stallNanos / 1_000_000_000L));
            }
            if (polled - printed > 5_000_000_000L) {
                printed = polled;
                double seconds = (polled - started) / 1e9;
                System.err.printf(Locale.ROOT, "  %s: %d/%d after %.0f s, %.1f/s%n", what, value, expected, seconds,
                        value / seconds);
            }
            Thread.sleep(Math.max(0, 1000 - (System.nanoTime() - polled) / 1_000_000));
        }
    }
}

/** done/total and rate on stderr, at most every five seconds (as in bench/platform/PlatformBench.java). */
final class Progress {
    private final String what;
    private final int total;
    private final long started = System.nanoTime();
    final AtomicInteger done = new AtomicInteger();
    private final AtomicLong printed = new AtomicLong(System.nanoTime());

    Progress(String what, int total) {
        this.what = what;
        this.total = total;
    }

    void tick() {
        done.incrementAndGet();
        long now = System.nanoTime();
        long last = printed.get();
        if (now - last > 5_000_000_000L && printed.compareAndSet(last, now)) {
            print(now);
        }
    }

    void done() {
        print(System.nanoTime());
    }

    private void print(long now) {
        double seconds = (now - started) / 1e9;
        System.err.printf(Locale.ROOT, "  %s: %d/%d, %.1f/s%n", what, done.get(), total, done.get() / seconds);
    }
}

/** A small JSON reader (objects as maps, arrays as lists, numbers as Long or Double), enough for bundle answers. */
final class Json {

    private final String text;
    private int at;

    private Json(String text) {
        this.text = text;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(String text) {
        Json json = new Json(text);
        Object value = json.value();
        json.space();
        if (!(value instanceof Map) || json.at != text.length()) {
            throw new IllegalArgumentException("not a JSON object: " + text.substring(0, Math.min(200,
                    text.length())));
        }
        return (Map<String, Object>) value;
    }

    private Object value() {
        space();
        char c = text.charAt(at);
        switch (c) {
            case '{': {
                at++;
                Map<String, Object> map = new LinkedHashMap<>();
                space();
                if (text.charAt(at) == '}') {
                    at++;
                    return map;
                }
                do {
                    space();
                    String key = string();
                    space();
                    expect(':');
                    map.put(key, value());
                    space();
                } while (text.charAt(at++) == ',');
                if (text.charAt(at - 1) != '}') {
                    throw error("} expected");
                }
                return map;
            }
            case '[': {
                at++;
                List<Object> list = new ArrayList<>();
                space();
                if (text.charAt(at) == ']') {
                    at++;
                    return list;
                }
                do {
                    list.add(value());
                    space();
                } while (text.charAt(at++) == ',');
                if (text.charAt(at - 1) != ']') {
                    throw error("] expected");
                }
                return list;
            }
            case '"':
                return string();
            case 't':
                return literal("true", Boolean.TRUE);
            case 'f':
                return literal("false", Boolean.FALSE);
            case 'n':
                return literal("null", null);
            default:
                return number();
        }
    }

    private String string() {
        expect('"');
        StringBuilder out = new StringBuilder();
        while (true) {
            char c = text.charAt(at++);
            if (c == '"') {
                return out.toString();
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char e = text.charAt(at++);
            switch (e) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'u' -> {
                    out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                    at += 4;
                }
                default -> out.append(e);
            }
        }
    }

    private Object number() {
        int start = at;
        while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
            at++;
        }
        String n = text.substring(start, at);
        if (n.isEmpty()) {
            throw error("value expected");
        }
        return n.contains(".") || n.contains("e") || n.contains("E") ? (Object) Double.parseDouble(n)
                : (Object) Long.parseLong(n);
    }

    private Object literal(String word, Object value) {
        if (!text.startsWith(word, at)) {
            throw error(word + " expected");
        }
        at += word.length();
        return value;
    }

    private void expect(char c) {
        if (text.charAt(at++) != c) {
            throw error(c + " expected");
        }
    }

    private void space() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException(what + " at " + at);
    }
}

/** The operator's side of the APIs: a Keycloak token renewed before it expires (and on a 401), JSON calls. */
final class OperatorApi {

    private static final long RENEW_AFTER_NANOS = 240_000_000_000L;

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final String tokenUrl;
    private final String user;
    private final String password;
    private String token;
    private long tokenAt;

    OperatorApi(String tokenUrl, String user, String password) {
        this.tokenUrl = tokenUrl;
        this.user = user;
        this.password = password;
    }

    HttpClient client() {
        return client;
    }

    /** POSTs JSON as the operator; any status outside {@code ok} fails. Returns the body. */
    String post(String url, String json, int... ok) throws Exception {
        HttpResponse<String> response = send(url, HttpRequest.BodyPublishers.ofString(json), true);
        for (int status : ok) {
            if (response.statusCode() == status) {
                return response.body();
            }
        }
        throw new IllegalStateException("POST " + url + ": HTTP " + response.statusCode() + " " + response.body());
    }

    /** POSTs JSON without a token (agent enrolment). */
    String postAnonymous(String url, String json, int ok) throws Exception {
        HttpResponse<String> response = send(url, HttpRequest.BodyPublishers.ofString(json), false);
        if (response.statusCode() != ok) {
            throw new IllegalStateException("POST " + url + ": HTTP " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    HttpResponse<String> get(String url) throws Exception {
        HttpResponse<String> response = send(url, null, true);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + url + ": HTTP " + response.statusCode() + " " + response.body());
        }
        return response;
    }

    private HttpResponse<String> send(String url, HttpRequest.BodyPublisher body, boolean signedIn) throws Exception {
        for (int attempt = 0; ; attempt++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(2));
            if (signedIn) {
                request.header("Authorization", "Bearer " + token(attempt > 0));
            }
            request = body == null ? request.GET() : request.header("Content-Type", "application/json").POST(body);
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 429 && attempt < 20) {
                // A spent request budget (herd.rate-limit.*): wait as the gateway or hub says, then try again.
                long seconds = response.headers().firstValueAsLong("Retry-After").orElse(1);
                Thread.sleep(Math.min(60, Math.max(1, seconds)) * 1000);
                continue;
            }
            if (response.statusCode() != 401 || !signedIn || attempt > 0) {
                return response;
            }
        }
    }

    private synchronized String token(boolean renew) throws Exception {
        if (token == null || renew || System.nanoTime() - tokenAt > RENEW_AFTER_NANOS) {
            String form = "grant_type=password&client_id=herd-cli&username="
                    + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode(password, StandardCharsets.UTF_8);
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(URI.create(tokenUrl))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("login as " + user + ": HTTP " + response.statusCode());
            }
            token = ImmunityBench.field(response.body(), "access_token");
            tokenAt = System.nanoTime();
        }
        return token;
    }
}
