package dev.herd.agent.apply.check;

import dev.herd.contracts.delivery.ApplyOutcome.CheckResult;
import dev.herd.contracts.delivery.PatchPlan.Check;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The operation checks of a patch plan, run on this machine: {@code process}, {@code port}, {@code http},
 * {@code smtp} and {@code profile}. The profile is the set of listening TCP ports taken when this object is made, so
 * make it before anything of the plan runs.
 */
public class OperationChecks implements CheckRunner {

    private final Path root;
    private final Duration timeout;
    private final Supplier<SortedSet<Integer>> listening;
    private final SortedSet<Integer> profile;

    public OperationChecks(Path root, Duration timeout, Supplier<SortedSet<Integer>> listening) {
        this.root = root;
        this.timeout = timeout;
        this.listening = listening;
        this.profile = new TreeSet<>(listening.get());
    }

    /** Checks against this machine: {@code /proc} and the ports it listens on now. */
    public static OperationChecks onThisMachine(Duration timeout) {
        return new OperationChecks(Path.of("/"), timeout, () -> ListeningProfile.tcpPorts(Path.of("/")));
    }

    public Set<Integer> profile() {
        return profile;
    }

    @Override
    public CheckResult run(Check check) {
        String kind = check.kind();
        String target = check.target();
        try {
            return switch (kind) {
                case "process" -> process(target);
                case "port" -> port(target);
                case "http" -> http(target, check.expect());
                case "smtp" -> smtp(target);
                case "profile" -> compareProfile();
                default -> new CheckResult(kind, target, false, "unknown check kind '" + kind + "'");
            };
        } catch (IllegalArgumentException e) {
            return new CheckResult(kind, target, false, e.getMessage());
        }
    }

    private CheckResult process(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a process check needs a process name");
        }
        return ProcessCheck.find(root.resolve("proc"), name)
                .map(pid -> new CheckResult("process", name, true, "running as pid " + pid))
                .orElseGet(() -> new CheckResult("process", name, false, "no process named " + name));
    }

    private CheckResult port(String target) {
        String failure = PortCheck.connect(HostPort.parse(target), timeout);
        return failure == null
                ? new CheckResult("port", target, true, "connected")
                : new CheckResult("port", target, false, failure);
    }

    private CheckResult http(String url, String expect) {
        if (url == null || !(url.startsWith("http://") || url.startsWith("https://"))) {
            throw new IllegalArgumentException("an http check needs an http(s) URL");
        }
        int expected;
        try {
            expected = expect == null || expect.isBlank() ? 200 : Integer.parseInt(expect.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expect must be an HTTP status code, not '" + expect + "'");
        }
        try {
            int status = HttpCheck.status(url, timeout);
            return new CheckResult("http", url, status == expected, "HTTP " + status + " (expected " + expected + ")");
        } catch (IOException e) {
            return new CheckResult("http", url, false, e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new CheckResult("http", url, false, "interrupted");
        }
    }

    private CheckResult smtp(String target) {
        try {
            String greeting = SmtpCheck.greeting(HostPort.parse(target), timeout);
            return new CheckResult("smtp", target, greeting.startsWith("220"), greeting);
        } catch (IOException e) {
            return new CheckResult("smtp", target, false, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private CheckResult compareProfile() {
        SortedSet<Integer> now = listening.get();
        String difference = ListeningProfile.difference(profile, now);
        return difference.isEmpty()
                ? new CheckResult("profile", "listening tcp ports", true, "unchanged: " + now)
                : new CheckResult("profile", "listening tcp ports", false, "changed: " + difference);
    }
}
