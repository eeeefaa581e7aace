package dev.herd.agent.apply;

import dev.herd.agent.apply.check.OperationChecks;
import dev.herd.agent.apply.patch.PackageManagers;
import dev.herd.agent.apply.rules.Nft;
import dev.herd.agent.apply.rules.RuleBundleApplier;
import dev.herd.agent.apply.rules.SignatureRules;
import dev.herd.agent.process.ProcessRunner;
import dev.herd.agent.process.SystemProcessRunner;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Option;

/** The options {@code apply} and {@code run} share: how to run nft, how long checks and package commands may take. */
public class ApplyOptions {

    @Option(
            names = "--nft",
            split = ",",
            defaultValue = "nft",
            description = "How to run nft, as a comma-separated argument list (default: ${DEFAULT-VALUE});"
                    + " e.g. nsenter,-t,PID,-n,nft to work in another network namespace.")
    public List<String> nft;

    @Option(
            names = "--iptables",
            split = ",",
            defaultValue = "iptables",
            description = "How to run iptables for payload-signature rules (string matches), as a comma-separated"
                    + " argument list (default: ${DEFAULT-VALUE}); ip6tables and iptables-restore are named after"
                    + " its last argument, e.g. nsenter,-t,PID,-n,iptables.")
    public List<String> iptables;

    @Option(
            names = "--check-timeout",
            defaultValue = "5",
            description = "Seconds each operation check may take (default: ${DEFAULT-VALUE}).")
    public long checkTimeoutSeconds;

    @Option(
            names = "--command-timeout",
            defaultValue = "1800",
            description = "Seconds nft or a package manager command may take before it is killed"
                    + " (default: ${DEFAULT-VALUE}).")
    public long commandTimeoutSeconds;

    public DeliveryApplier applier(Clock clock) {
        ProcessRunner runner = new SystemProcessRunner(Duration.ofSeconds(commandTimeoutSeconds));
        Duration checkTimeout = Duration.ofSeconds(checkTimeoutSeconds);
        return new DeliveryApplier(
                new RuleBundleApplier(new Nft(runner, nft), new SignatureRules(runner, iptables), clock),
                name -> PackageManagers.named(name, runner),
                () -> OperationChecks.onThisMachine(checkTimeout),
                clock);
    }
}
