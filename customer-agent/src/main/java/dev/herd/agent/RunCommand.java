package dev.herd.agent;

import dev.herd.agent.antivirus.MalwareScanLoop;
import dev.herd.agent.apply.ApplyMode;
import dev.herd.agent.apply.ApplyOptions;
import dev.herd.agent.apply.intake.DeliveryLoop;
import dev.herd.agent.apply.rules.Iptables;
import dev.herd.agent.apply.rules.Nft;
import dev.herd.agent.delivery.ReportingAgent;
import dev.herd.agent.enrolment.AgentCredential;
import dev.herd.agent.enrolment.CredentialStore;
import dev.herd.agent.files.FileHasher;
import dev.herd.agent.gateway.GatewayClient;
import dev.herd.agent.monitor.MonitorHits;
import dev.herd.agent.monitor.MonitorLoop;
import dev.herd.agent.process.SystemProcessRunner;
import dev.herd.agent.recovery.RecoveryLoop;
import dev.herd.agent.recovery.RecoveryOptions;
import dev.herd.agent.report.MachineReport;
import dev.herd.agent.report.ReportCollector;
import dev.herd.agent.tls.GatewayTlsException;
import dev.herd.agent.tls.GatewayTransport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code run}: the agent daemon. Enrolled (a {@code credential.json} in the state folder) it reports and heartbeats
 * to the gateway with store and forward, and takes rule bundles, patch plans and recovery tasks as {@code --apply} says; not enrolled it only checks that the gateway answers. Either way every
 * heartbeat is recorded in {@code STATE_DIR/heartbeat}, which {@code ./herd status} reads.
 */
@Command(
        name = "run",
        description = "Run the agent: report, heartbeat, and take rule bundles, patch plans and recovery tasks from the"
                + " gateway until stopped.")
public class RunCommand implements Callable<Integer> {

    @Mixin
    GatewayOptions options;

    @Option(
            names = "--interval",
            defaultValue = "10",
            description = "Seconds between heartbeats (default: ${DEFAULT-VALUE}).")
    long intervalSeconds;

    @Option(
            names = "--report-interval",
            defaultValue = ReportingAgent.DEFAULT_REPORT_INTERVAL_SECONDS,
            description = "Seconds between looks at the machine; a DELTA goes out at once when packages or evidence"
                    + " changed: hardware, listening ports, watched files, ClamAV detections, privileged log-ins,"
                    + " network configuration files and their permissions (default: ${DEFAULT-VALUE}).")
    long reportIntervalSeconds;

    @Option(
            names = "--root",
            defaultValue = "/",
            description = "Read the machine below this folder instead of / (default: ${DEFAULT-VALUE}); a folder"
                    + " standing in for a machine, as in labs and tests.")
    Path root;

    @Option(
            names = "--apply",
            defaultValue = "dry-run",
            converter = ApplyMode.Converter.class,
            description =
                    "What to do with rule bundles, patch plans and recovery tasks from the gateway: off (do not ask),"
                            + " dry-run (check and simulate, report) or auto (apply, check, roll back, report)"
                            + " (default: ${DEFAULT-VALUE}).")
    ApplyMode applyMode;

    @Option(
            names = "--poll-wait",
            defaultValue = "60",
            description = "Seconds the gateway may hold a poll for rule bundles, patch plans and recovery tasks"
                    + " (default: ${DEFAULT-VALUE}).")
    long pollWaitSeconds;

    @Option(
            names = "--av-log",
            paramLabel = "FILE",
            description = "A ClamAV log to report detections from (repeatable; default /var/log/clamav/clamav.log when"
                    + " present).")
    List<String> avLogs;

    @Option(
            names = "--scan",
            paramLabel = "PATH",
            description = "A folder or file to scan with ClamAV (clamscan) for the file hashes learnt bad at any"
                    + " tenant, every --scan-interval (repeatable); detections are reported as anti-virus evidence.")
    List<Path> scanPaths;

    @Option(
            names = "--scan-interval",
            defaultValue = "60",
            description = "Seconds between fetches of the learnt hashes and scans of the --scan paths"
                    + " (default: ${DEFAULT-VALUE}).")
    long scanIntervalSeconds;

    @Option(
            names = "--monitor",
            description = "Also be a network sensor: send the flows connection tracking sees (conntrack -E) and the"
                    + " signature hits the kernel logs to NFLOG (tcpdump -i nflog:42) to the gateway every"
                    + " --monitor-interval, and an empty batch as heartbeat when there were none.")
    boolean monitor;

    @Option(
            names = "--monitor-interval",
            defaultValue = "10",
            description = "Seconds between the sensor's batches (default: ${DEFAULT-VALUE}).")
    long monitorIntervalSeconds;

    @Option(
            names = "--conntrack",
            split = ",",
            defaultValue = "conntrack",
            description = "How to run conntrack, as a comma-separated argument list (default: ${DEFAULT-VALUE}).")
    List<String> conntrack;

    @Option(
            names = "--tcpdump",
            split = ",",
            defaultValue = "tcpdump",
            description = "How to run tcpdump, which reads the NFLOG group of the signature and canary rules, as a"
                    + " comma-separated argument list (default: ${DEFAULT-VALUE}).")
    List<String> tcpdump;

    @Option(
            names = "--monitor-hits",
            defaultValue = "ALL",
            description = "Which NFLOG hits the sensor reports: ALL (signature hits and canary checks) or CANARY"
                    + " (canary checks only) (default: ${DEFAULT-VALUE}).")
    MonitorHits monitorHits;

    @Spec
    CommandSpec spec;

    @Mixin
    ApplyOptions applyOptions;

    @Mixin
    RecoveryOptions recoveryOptions;

    @Override
    public Integer call() throws Exception {
        if (intervalSeconds < 1
                || reportIntervalSeconds < 1
                || pollWaitSeconds < 1
                || monitorIntervalSeconds < 1
                || scanIntervalSeconds < 1) {
            System.err.println("--interval, --report-interval, --poll-wait, --monitor-interval and --scan-interval"
                    + " must be at least 1 second");
            return 2;
        }
        if (!Files.isDirectory(root)) {
            System.err.println("--root " + root + " is not a folder");
            return 2;
        }
        Duration interval = Duration.ofSeconds(intervalSeconds);
        GatewayTransport transport;
        try {
            transport = GatewayTransport.forRun(
                    options.gateway,
                    options.stateDir,
                    options.gatewayCa(),
                    options.allowPlainHttp,
                    System.err::println);
        } catch (GatewayTlsException e) {
            spec.commandLine().getErr().println("customer-agent: " + e.getMessage());
            spec.commandLine().getErr().flush();
            return 2;
        }
        Optional<AgentCredential> credential = CredentialStore.read(options.stateDir);
        if (credential.isEmpty()) {
            heartbeatOnly(interval, transport);
            return 0;
        }
        Clock clock = Clock.systemUTC();
        System.out.println("agent " + credential.get().agentId() + " reporting to " + options.gateway
                + ", rule bundles and patch plans: " + applyMode);
        GatewayClient gateway = new GatewayClient(options.gateway, clock, transport.client());
        if (applyMode != ApplyMode.OFF) {
            new DeliveryLoop(
                            gateway,
                            credential.get().credential(),
                            options.stateDir,
                            applyMode,
                            applyOptions.applier(clock),
                            Duration.ofSeconds(pollWaitSeconds),
                            clock,
                            System.out)
                    .start();
            new RecoveryLoop(
                            gateway,
                            credential.get().credential(),
                            options.stateDir,
                            applyMode,
                            recoveryOptions.actions(
                                    options.stateDir,
                                    new SystemProcessRunner(Duration.ofSeconds(applyOptions.commandTimeoutSeconds))),
                            Duration.ofSeconds(pollWaitSeconds),
                            clock,
                            System.out)
                    .start();
        }
        if (monitor) {
            SystemProcessRunner monitorRunner =
                    new SystemProcessRunner(Duration.ofSeconds(applyOptions.commandTimeoutSeconds));
            new MonitorLoop(
                            gateway,
                            credential.get().credential(),
                            conntrack,
                            tcpdump,
                            monitorHits,
                            new Nft(monitorRunner, applyOptions.nft),
                            List.of(
                                    new Iptables(monitorRunner, applyOptions.iptables, Iptables.Family.V4),
                                    new Iptables(monitorRunner, applyOptions.iptables, Iptables.Family.V6)),
                            System.out)
                    .start(Duration.ofSeconds(monitorIntervalSeconds));
        }
        Optional<MalwareScanLoop> scanner = startMalwareScan(gateway, credential.get(), clock);
        List<String> logs = avLogs == null ? List.of() : avLogs;
        new ReportingAgent(
                        gateway,
                        credential.get(),
                        options.stateDir,
                        () -> {
                            MachineReport report =
                                    ReportCollector.collect(root, FileHasher.DEFAULT_WATCHED, logs, clock);
                            return scanner.map(loop -> ReportCollector.withDetections(report, loop.detections()))
                                    .orElse(report);
                        },
                        interval,
                        clock,
                        System.out)
                .run(interval, Duration.ofSeconds(reportIntervalSeconds));
        return 0;
    }

    /** The ClamAV scan of the --scan paths with the hashes learnt bad at any tenant, started; empty without paths. */
    private Optional<MalwareScanLoop> startMalwareScan(GatewayClient gateway, AgentCredential credential, Clock clock) {
        if (scanPaths == null || scanPaths.isEmpty()) {
            return Optional.empty();
        }
        MalwareScanLoop scan = new MalwareScanLoop(
                gateway,
                credential.credential(),
                options.stateDir,
                scanPaths,
                new SystemProcessRunner(Duration.ofSeconds(applyOptions.commandTimeoutSeconds)),
                clock,
                System.out);
        scan.start(Duration.ofSeconds(scanIntervalSeconds));
        return Optional.of(scan);
    }

    private void heartbeatOnly(Duration interval, GatewayTransport transport) throws InterruptedException {
        HeartbeatRecorder recorder = new HeartbeatRecorder(
                new GatewayProbe(options.gateway, transport.client()),
                options.stateDir,
                Clock.systemUTC(),
                "not enrolled (heartbeat only)");
        while (!Thread.currentThread().isInterrupted()) {
            Heartbeat beat = recorder.beat();
            System.out.println(beat.line());
            Thread.sleep(interval);
        }
    }
}
