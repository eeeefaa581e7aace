import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The platform benchmark (./herd bench platform), a single-file program without dependencies:
 *
 * <pre>java bench/platform/PlatformBench.java --key value ...</pre>
 *
 * Keys: gateway, portal, hub (service URLs), token-url, user, password (the operator's login), images (the folder
 * bench/platform/sample_images.py wrote), machines, tenants, agents, run (a unique word for names), package (the
 * source package of the extra advisory), in-memory-seconds (the baseline), db-port (PostgreSQL, read with psql),
 * stall-seconds (give up when the findings count stops moving for that long).
 *
 * Creates the tenants, enrols every machine, then sends every machine's first FULL report with {@code agents}
 * concurrent agents, waits until the portal stores every expected finding, and prints one line per figure. Then
 * publishes one advisory that affects every machine, times its findings, and withdraws it. Progress goes to stderr.
 */
public class PlatformBench {

    private final Map<String, String> options;
    private final OperatorApi api;
    private final Fleet fleet;
    private final int agents;

    PlatformBench(Map<String, String> options) throws IOException {
        this.options = options;
        this.api = new OperatorApi(options.get("token-url"), options.get("user"), options.get("password"));
        this.fleet = new Fleet(
                Path.of(options.get("images")),
                Integer.parseInt(options.get("machines")),
                Integer.parseInt(options.get("tenants")),
                options.get("run"));
        this.agents = Integer.parseInt(options.getOrDefault("agents", "16"));
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        for (String key : List.of("gateway", "portal", "hub", "token-url", "user", "password", "images", "machines",
                "tenants", "run", "package", "in-memory-seconds")) {
            if (!options.containsKey(key)) {
                System.err.println("PlatformBench: --" + key + " missing (see the class comment)");
                System.exit(2);
            }
        }
        System.exit(new PlatformBench(options).run() ? 0 : 1);
    }

    boolean run() throws Exception {
        String gateway = options.get("gateway");
        String portal = options.get("portal");
        ExecutorService pool = Executors.newFixedThreadPool(agents);
        try {
            for (String tenant : fleet.tenants()) {
                api.post(portal + "/api/tenants",
                        "{\"id\":\"" + tenant + "\",\"displayName\":\"Platform bench " + tenant + "\"}", 201, 409);
            }
            String[] credentials = new String[fleet.size()];
            Progress enrolled = new Progress("enrolled", fleet.size());
            inParallel(pool, fleet.size(), i -> () -> {
                String issued = api.post(gateway + "/api/enrolment-tokens",
                        "{\"tenantId\":\"" + fleet.tenant(i) + "\"}", 201);
                String answer = api.postAnonymous(gateway + "/agent/enrol", "{\"token\":\"" + field(issued, "token")
                        + "\",\"hostname\":\"" + fleet.hostname(i) + "\",\"machineId\":\"" + fleet.machineId(i)
                        + "\"}", 201);
                credentials[i] = field(answer, "credential");
                enrolled.tick();
                return null;
            });
            enrolled.done();

            long databaseBefore = databaseSize();
            HeapSampler heap = HeapSampler.start(api.client(), portal + "/q/metrics");
            CpuMeter cpu = CpuMeter.of(options.getOrDefault("cpu-pids", ""));
            FindingsGate gate = FindingsGate.open(api.client(), portal + "/q/metrics", fleet.expectedFindings());
            AtomicLong lastAccepted = new AtomicLong();
            Progress sent = new Progress("reports accepted", fleet.size());
            long started = System.nanoTime();
            inParallel(pool, fleet.size(), i -> () -> {
                sendReport(gateway, credentials[i], fleet.report(i));
                lastAccepted.accumulateAndGet(System.nanoTime(), Math::max);
                sent.tick();
                return null;
            });
            sent.done();
            long expected = fleet.expectedFindings();
            Settled settled = waitForFindings(pool, portal, fleet.expectedFindingsByTenant(), gate, lastAccepted.get(),
                    stallSeconds());
            Map<String, Double> cpuSeconds = cpu.secondsSinceStart();
            long databaseAfter = databaseSize();
            double intakeSeconds = (lastAccepted.get() - started) / 1e9;
            double intake = fleet.size() / intakeSeconds;
            double settleSeconds = Math.max(0, (settled.at() - lastAccepted.get()) / 1e9);
            double platformSeconds = (settled.at() - started) / 1e9;
            double inMemory = Double.parseDouble(options.get("in-memory-seconds"));
            double times = platformSeconds / inMemory;

            printf("intake: %d full reports in %.1f s from %d concurrent agents = %.1f reports/s",
                    fleet.size(), intakeSeconds, agents, intake);
            printf("settle: %.1f s from the last accepted report until the findings stopped at %d (%s)",
                    settleSeconds, settled.count(), settled.count() == expected ? "all expected" : "NOT all expected");
            printf("findings: %d stored in %d tenants, %d expected (debian12-dev-truth.json per image)",
                    settled.count(), fleet.tenants().size(), expected);
            printf("postgres: database grew by %s (%s -> %s)", megabytes(databaseAfter - databaseBefore),
                    megabytes(databaseBefore), megabytes(databaseAfter));
            printf("portal heap: peak %s used (jvm_memory_used_bytes{area=\"heap\"}, %d samples), max %s",
                    megabytes(heap.peak()), heap.samples(), megabytes(heap.max()));
            if (!cpuSeconds.isEmpty()) {
                printf("cpu: %s", CpuMeter.describe(cpuSeconds, fleet.size()));
            }
            printf("in-memory baseline: %.3f s for the same %d machines; the platform took %.1f s from the first "
                    + "report to settled = %.1f x of in-memory", inMemory, fleet.size(), platformSeconds, times);

            newAdvisory(pool, portal, settled);
            heap.stop();
            printf("platform: %d machines, %d findings, settled %.1f s after the last report, intake %.1f reports/s, "
                    + "%.1f x of in-memory", fleet.size(), settled.count(), settleSeconds, intake, times);
            return settled.count() == expected;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Publishes an advisory on a package every machine has, times its findings, then withdraws it. */
    private void newAdvisory(ExecutorService pool, String portal, Settled stored) throws Exception {
        long before = stored.count();
        String hub = options.get("hub");
        String provider = "bench-platform";
        // OSV ids outside the known databases' prefixes must start with x_.
        String id = "x_HERD-BENCH-" + options.get("run");
        String pkg = options.get("package");
        api.post(hub + "/api/providers",
                "{\"id\":\"" + provider + "\",\"displayName\":\"Platform bench advisories\",\"trustTier\":3}", 201,
                409);
        String document = "{\"schema_version\":\"1.6.0\",\"id\":\"" + id + "\",\"modified\":\"%s\",%s"
                + "\"summary\":\"Platform bench: every " + pkg + " before 99:0\",\"affected\":[{\"package\":"
                + "{\"ecosystem\":\"Debian:12\",\"name\":\"" + pkg + "\"},\"ranges\":[{\"type\":\"ECOSYSTEM\","
                + "\"events\":[{\"introduced\":\"0\"},{\"fixed\":\"99:0\"}]}]}]}";
        String url = hub + "/api/advisories?provider=" + provider;
        FindingsGate gate = FindingsGate.open(api.client(), portal + "/q/metrics", fleet.size());
        long published = System.nanoTime();
        requireAccepted(api.post(url, String.format(document, Instant.now(), ""), 200));
        Settled settled = waitForFindings(pool, portal, fleet.oneMoreOnEveryMachine(stored.byTenant()), gate,
                published,
                stallSeconds());
        printf("new advisory: %s on %s, %d findings stored %.1f s after it was published",
                id, pkg, settled.count() - before, (settled.at() - published) / 1e9);
        Instant now = Instant.now().plusSeconds(1);
        FindingsGate closing = FindingsGate.open(api.client(), portal + "/q/metrics", -fleet.size());
        requireAccepted(api.post(url, String.format(document, now, "\"withdrawn\":\"" + now + "\","), 200));
        long withdrawn = System.nanoTime();
        Settled closed = waitForFindings(pool, portal, stored.byTenant(), closing, withdrawn, 60);
        printf("withdrawn: %s, open findings back to %d %.1f s later", id, closed.count(), (closed.at() - withdrawn)
                / 1e9);
    }

    private static void requireAccepted(String answer) {
        if (!answer.contains("\"rejected\":0")) {
            throw new IllegalStateException("the hub rejected the bench advisory: " + answer);
        }
    }

    private long stallSeconds() {
        return Long.parseLong(options.getOrDefault("stall-seconds", "300"));
    }

    private void sendReport(String gateway, String credential, byte[] report) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + "/agent/reports"))
                .timeout(Duration.ofMinutes(5))
                .header("Content-Type", "application/json")
                .header("Authorization", "Agent " + credential)
                .header("X-Herd-Timestamp", Long.toString(Instant.now().getEpochSecond()))
                .header("X-Herd-Nonce", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofByteArray(report))
                .build();
        HttpResponse<String> response = api.client().send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("report: HTTP " + response.statusCode() + " " + response.body());
        }
    }

    /**
     * The open findings of the bench tenants, polled until they reach {@code expected} or stop moving. A tenant that has
     * reached its own expected count is not counted again: an exact count reads every open finding of the tenant, and
     * at 10,000 machines ten of them a second would take a core of PostgreSQL from the work being measured.
     */
    private Settled waitForFindings(ExecutorService pool, String portal, Map<String, Long> expectedByTenant,
            FindingsGate gate, long since, long stallSeconds) throws Exception {
        long expected = expectedByTenant.values().stream().mapToLong(Long::longValue).sum();
        long stall = stallSeconds * 1_000_000_000L;
        long last = -1;
        long changed = System.nanoTime();
        long reported = 0;
        Map<String, Long> complete = new HashMap<>();
        while (true) {
            long polled = System.nanoTime();
            long signalled = gate.stored();
            if (signalled >= 0 && !gate.reached(signalled)) {
                // The portal's counters say findings are still being written: no count of the finding table yet.
                if (signalled != last) {
                    last = signalled;
                    changed = polled;
                } else if (polled - changed > stall) {
                    System.err.printf(Locale.ROOT, "findings stopped at %d of %d more expected for %d s: giving up%n",
                            signalled, gate.wanted(), stall / 1_000_000_000L);
                    Map<String, Long> byTenant = new LinkedHashMap<>();
                    for (String tenant : fleet.tenants()) {
                        byTenant.put(tenant, findingCount(portal, tenant));
                    }
                    return new Settled(byTenant.values().stream().mapToLong(Long::longValue).sum(), changed, byTenant);
                }
                if (polled - reported > 5_000_000_000L) {
                    reported = polled;
                    System.err.printf(Locale.ROOT, "  findings: %d/%d more after %.0f s (herd_findings_*_total)%n",
                            signalled, Math.abs(gate.wanted()), (polled - since) / 1e9);
                }
                Thread.sleep(Math.max(0, 1000 - (System.nanoTime() - polled) / 1_000_000));
                continue;
            }
            Map<String, Future<Long>> counts = new LinkedHashMap<>();
            for (String tenant : fleet.tenants()) {
                if (!complete.containsKey(tenant)) {
                    counts.put(tenant, pool.submit(() -> findingCount(portal, tenant)));
                }
            }
            Map<String, Long> byTenant = new LinkedHashMap<>(complete);
            for (Map.Entry<String, Future<Long>> c : counts.entrySet()) {
                long tenantCount = c.getValue().get();
                byTenant.put(c.getKey(), tenantCount);
                if (tenantCount == expectedByTenant.get(c.getKey())) {
                    complete.put(c.getKey(), tenantCount);
                }
            }
            long count = byTenant.values().stream().mapToLong(Long::longValue).sum();
            if (count == expected) {
                return new Settled(count, polled, byTenant);
            }
            if (count != last) {
                last = count;
                changed = polled;
            } else if (polled - changed > stall) {
                System.err.printf(Locale.ROOT, "findings stopped at %d of %d expected for %d s: giving up%n",
                        count, expected, stall / 1_000_000_000L);
                return new Settled(count, changed, byTenant);
            }
            if (polled - reported > 5_000_000_000L) {
                reported = polled;
                System.err.printf(Locale.ROOT, "  findings: %d/%d after %.0f s%n", count, expected,
                        (polled - since) / 1e9);
            }
            Thread.sleep(Math.max(0, 1000 - (System.nanoTime() - polled) / 1_000_000));
        }
    }

    private long findingCount(String portal, String tenant) throws Exception {
        HttpResponse<String> response = api.get(portal + "/api/tenants/" + URLEncoder.encode(tenant,
                StandardCharsets.UTF_8) + "/findings?size=1&total=exact");
        return Long.parseLong(response.headers().firstValue("X-Total-Count").orElseThrow(
                () -> new IllegalStateException("the portal's findings answer has no X-Total-Count")));
    }

    /** pg_database_size of the platform's database, read with psql; -1 when psql cannot tell. */
    private long databaseSize() {
        try {
            ProcessBuilder psql = new ProcessBuilder("psql", "-h", "127.0.0.1", "-p",
                    options.getOrDefault("db-port", "15432"), "-U", "herd", "-d", "herd", "-Atc",
                    "SELECT pg_database_size(current_database())");
            psql.environment().put("PGPASSWORD", options.getOrDefault("db-password", "herd"));
            psql.redirectErrorStream(true);
            Process process = psql.start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return process.waitFor() == 0 ? Long.parseLong(out) : -1;
        } catch (IOException | InterruptedException | NumberFormatException e) {
            return -1;
        }
    }

    /** Runs {@code n} tasks on the pool and fails on the first that fails. */
    private static void inParallel(ExecutorService pool, int n, IntFunction<java.util.concurrent.Callable<Void>> task)
            throws Exception {
        List<Future<Void>> futures = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            futures.add(pool.submit(task.apply(i)));
        }
        for (Future<Void> future : futures) {
            future.get();
        }
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    private static String megabytes(long bytes) {
        return bytes < 0 ? "unknown" : String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0);
    }

    private static void printf(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
    }

    /** A findings count, when it was seen (System.nanoTime), and the count of each tenant. */
    record Settled(long count, long at, Map<String, Long> byTenant) {}

    /** done/total and rate on stderr, at most every five seconds. */
    static final class Progress {
        private final String what;
        private final int total;
        private final long started = System.nanoTime();
        private final AtomicInteger done = new AtomicInteger();
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
}

/** The bench fleet: machine i has sample image i mod 40 under its own name and address, in tenant i mod T. */
class Fleet {

    private final List<byte[][]> images = new ArrayList<>();
    private final List<Long> expected = new ArrayList<>();
    private final List<String> tenants = new ArrayList<>();
    private final int size;
    private final String run;

    Fleet(Path folder, int size, int tenantCount, String run) throws IOException {
        for (String line : Files.readAllLines(folder.resolve("images.tsv"))) {
            String[] parts = line.split("\t");
            String report = Files.readString(folder.resolve("image-" + parts[0] + ".json"));
            // Split around the placeholders once; each copy is glued together with its own name and address.
            String[] pieces = report.split("@HOSTNAME@|@ADDRESS@", -1);
            List<String> order = new ArrayList<>();
            Matcher m = Pattern.compile("@HOSTNAME@|@ADDRESS@").matcher(report);
            while (m.find()) {
                order.add(m.group());
            }
            byte[][] image = new byte[pieces.length * 2][];
            for (int i = 0; i < pieces.length; i++) {
                image[2 * i] = pieces[i].getBytes(StandardCharsets.UTF_8);
                image[2 * i + 1] = i < order.size() ? order.get(i).getBytes(StandardCharsets.UTF_8) : null;
            }
            images.add(image);
            expected.add(Long.parseLong(parts[2]));
        }
        for (int t = 0; t < tenantCount; t++) {
            tenants.add("bench-" + run + "-t" + t);
        }
        this.size = size;
        this.run = run;
    }

    int size() {
        return size;
    }

    List<String> tenants() {
        return tenants;
    }

    String tenant(int machine) {
        return tenants.get(machine % tenants.size());
    }

    String hostname(int machine) {
        return String.format(Locale.ROOT, "bench-%s-%05d", run, machine);
    }

    String machineId(int machine) {
        return "bench-" + run + "-" + machine;
    }

    /** 10.B.C.D/24: 254 machines per /24, starting at 10.100.0.1. */
    String address(int machine) {
        int subnet = machine / 254;
        return "10." + (100 + subnet / 256) + "." + (subnet % 256) + "." + (1 + machine % 254) + "/24";
    }

    byte[] report(int machine) {
        byte[] host = hostname(machine).getBytes(StandardCharsets.UTF_8);
        byte[] address = address(machine).getBytes(StandardCharsets.UTF_8);
        byte[][] image = images.get(machine % images.size());
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(128 * 1024);
        for (int i = 0; i < image.length; i++) {
            if (i % 2 == 0) {
                out.writeBytes(image[i]);
            } else if (image[i] != null) {
                out.writeBytes(image[i][1] == 'H' ? host : address);
            }
        }
        return out.toByteArray();
    }

    long expectedFindings() {
        long total = 0;
        for (int i = 0; i < size; i++) {
            total += expected.get(i % images.size());
        }
        return total;
    }

    /** The findings the machines of each tenant should have. */
    Map<String, Long> expectedFindingsByTenant() {
        Map<String, Long> byTenant = new LinkedHashMap<>();
        for (int i = 0; i < size; i++) {
            byTenant.merge(tenant(i), expected.get(i % images.size()), Long::sum);
        }
        return byTenant;
    }

    /** {@code findings} plus one finding on every machine of each tenant. */
    Map<String, Long> oneMoreOnEveryMachine(Map<String, Long> findings) {
        Map<String, Long> byTenant = new LinkedHashMap<>(findings);
        for (int i = 0; i < size; i++) {
            byTenant.merge(tenant(i), 1L, Long::sum);
        }
        return byTenant;
    }
}

/** The operator's side of the APIs: a Keycloak token renewed before it expires (and on a 401), JSON calls. */
class OperatorApi {

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
            token = PlatformBench.field(response.body(), "access_token");
            tokenAt = System.nanoTime();
        }
        return token;
    }
}

/**
 * The portal's counters of findings opened and closed ({@code herd_findings_opened_total},
 * {@code herd_findings_closed_total}), read from its Prometheus metrics. While they say fewer findings than expected
 * were stored since the gate was opened, the bench does not count the finding table: at 10,000 machines an exact
 * count of each tenant took a core of PostgreSQL from the work being measured. Once they say enough, the exact counts
 * decide. Without the counters (an older portal, or one restarted meanwhile) every poll counts.
 */
class FindingsGate {

    private static final Pattern COUNTER =
            Pattern.compile("^herd_findings_(opened|closed)_total(?:\\{[^}]*\\})?\\s+(\\S+)", Pattern.MULTILINE);

    private final HttpClient client;
    private final HttpRequest request;
    private final long wanted;
    private long start = Long.MIN_VALUE;

    private FindingsGate(HttpClient client, String metrics, long wanted) {
        this.client = client;
        this.request = HttpRequest.newBuilder(URI.create(metrics)).timeout(Duration.ofSeconds(10)).build();
        this.wanted = wanted;
    }

    /** A gate expecting {@code wanted} more open findings (negative: that many fewer) from now on. */
    static FindingsGate open(HttpClient client, String metrics, long wanted) {
        FindingsGate gate = new FindingsGate(client, metrics, wanted);
        gate.start = gate.net();
        return gate;
    }

    /** Opened minus closed since the gate was opened, or -1 when the counters cannot be read. */
    long stored() {
        long now = net();
        if (now == Long.MIN_VALUE || start == Long.MIN_VALUE || now < start - Math.abs(wanted)) {
            return -1;
        }
        return Math.abs(now - start);
    }

    boolean reached(long stored) {
        return stored >= Math.abs(wanted);
    }

    long wanted() {
        return wanted;
    }

    private long net() {
        try {
            String text = client.send(request, HttpResponse.BodyHandlers.ofString()).body();
            Matcher m = COUNTER.matcher(text);
            long opened = Long.MIN_VALUE;
            long closed = Long.MIN_VALUE;
            while (m.find()) {
                long value = (long) Double.parseDouble(m.group(2));
                if (m.group(1).equals("opened")) {
                    opened = value;
                } else {
                    closed = value;
                }
            }
            return opened == Long.MIN_VALUE || closed == Long.MIN_VALUE ? Long.MIN_VALUE : opened - closed;
        } catch (IOException | RuntimeException e) {
            return Long.MIN_VALUE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Long.MIN_VALUE;
        }
    }
}

/**
 * CPU time the platform's processes spent (user and system, with their exited children, from /proc/PID/stat and the
 * same for every descendant), from the first report until the findings settled. Unlike wall-clock times it does not
 * change with what else runs on the machine, so runs made at different loads compare. Given as {@code part:pid}
 * words by ./herd bench when the platform runs from this checkout; empty otherwise.
 */
class CpuMeter {

    private static final double TICKS_PER_SECOND = 100.0; // USER_HZ on Linux

    private final Map<String, Long> pids = new LinkedHashMap<>();
    private final Map<String, Long> start = new LinkedHashMap<>();

    static CpuMeter of(String words) {
        CpuMeter meter = new CpuMeter();
        for (String word : words.trim().split("\\s+")) {
            int colon = word.lastIndexOf(':');
            if (colon > 0) {
                meter.pids.put(word.substring(0, colon), Long.parseLong(word.substring(colon + 1)));
            }
        }
        meter.pids.forEach((part, pid) -> meter.start.put(part, ticks(pid)));
        return meter;
    }

    /** Seconds each part spent since this meter was made; a part whose process is gone is left out. */
    Map<String, Double> secondsSinceStart() {
        Map<String, Double> seconds = new LinkedHashMap<>();
        pids.forEach((part, pid) -> {
            long now = ticks(pid);
            if (now >= 0 && start.get(part) >= 0) {
                seconds.put(part, (now - start.get(part)) / TICKS_PER_SECOND);
            }
        });
        return seconds;
    }

    static String describe(Map<String, Double> seconds, int machines) {
        StringBuilder line = new StringBuilder("from the first report to settled, per 1000 machines:");
        double total = 0;
        for (Map.Entry<String, Double> part : seconds.entrySet()) {
            double per1000 = part.getValue() * 1000 / machines;
            total += per1000;
            line.append(String.format(Locale.ROOT, " %s %.1f s,", part.getKey(), per1000));
        }
        return line.append(String.format(Locale.ROOT, " total %.1f s = %.1f ms of CPU a machine (%d cores here)",
                total, total, Runtime.getRuntime().availableProcessors())).toString();
    }

    /** utime + stime + cutime + cstime of the process and all its descendants, in clock ticks; -1 when it is gone. */
    private static long ticks(long pid) {
        return ProcessHandle.of(pid).map(process -> ticksOf(process.pid()) + process.descendants()
                .mapToLong(child -> Math.max(0, ticksOf(child.pid()))).sum()).orElse(-1L);
    }

    private static long ticksOf(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            // Fields after the command (which may hold spaces) start at the last ')'.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]) + Long.parseLong(fields[13])
                    + Long.parseLong(fields[14]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}

/** Polls the portal's Prometheus metrics every second and keeps the highest heap in use. */
class HeapSampler {

    private static final Pattern LINE =
            Pattern.compile("^jvm_memory_(used|max)_bytes\\{([^}]*)\\}\\s+(\\S+)", Pattern.MULTILINE);

    private final AtomicLong peak = new AtomicLong(-1);
    private final AtomicLong max = new AtomicLong(-1);
    private final AtomicInteger samples = new AtomicInteger();
    private volatile boolean running = true;

    static HeapSampler start(HttpClient client, String metrics) {
        HeapSampler sampler = new HeapSampler();
        Thread.ofPlatform().daemon().name("heap-sampler").start(() -> sampler.poll(client, metrics));
        return sampler;
    }

    private void poll(HttpClient client, String metrics) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(metrics)).timeout(Duration.ofSeconds(10)).build();
        while (running) {
            try {
                sample(client.send(request, HttpResponse.BodyHandlers.ofString()).body());
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            } catch (IOException | RuntimeException e) {
                // A missed sample (the portal busy or restarting) is not a reason to stop sampling.
            }
        }
    }

    private void sample(String text) {
        long used = 0;
        long limit = 0;
        boolean seen = false;
        Matcher m = LINE.matcher(text);
        while (m.find()) {
            if (!m.group(2).contains("area=\"heap\"")) {
                continue;
            }
            long value = (long) Double.parseDouble(m.group(3));
            if (m.group(1).equals("used")) {
                used += value;
                seen = true;
            } else if (value > 0) {
                limit += value;
            }
        }
        if (seen) {
            samples.incrementAndGet();
            peak.accumulateAndGet(used, Math::max);
            max.set(limit > 0 ? limit : -1);
        }
    }

    void stop() {
        running = false;
    }

    long peak() {
        return peak.get();
    }

    long max() {
        return max.get();
    }

    int samples() {
        return samples.get();
    }
}
