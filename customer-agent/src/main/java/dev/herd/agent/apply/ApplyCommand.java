package dev.herd.agent.apply;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.herd.contracts.delivery.ApplyOutcome;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code apply}: applies one rule bundle or patch plan from a file and prints the outcome as JSON. Exit status 0
 * applied (or a dry run that passed), 1 failed or rolled back, 2 bad input.
 */
@Command(
        name = "apply",
        description = "Apply a rule bundle (nftables) or a patch plan from a file; prints the outcome as JSON.",
        exitCodeListHeading = "Exit status:%n",
        exitCodeList = {
            "0:applied, or a dry run that passed",
            "1:failed or rolled back",
            "2:bad input (unreadable file, invalid JSON, missing nftables text or steps)"
        })
public class ApplyCommand implements Callable<Integer> {

    static class What {
        @Option(names = "--bundle", paramLabel = "FILE", description = "A RuleBundle JSON file.")
        Path bundle;

        @Option(names = "--plan", paramLabel = "FILE", description = "A PatchPlan JSON file.")
        Path plan;
    }

    @ArgGroup(multiplicity = "1")
    What what;

    @Option(
            names = "--dry-run",
            description = "Change nothing: nft -c for a bundle, the package manager's simulation for a plan.")
    boolean dryRun;

    @Mixin
    ApplyOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws JsonProcessingException {
        DeliveryApplier applier = options.applier(Clock.systemUTC());
        ApplyOutcome outcome;
        try {
            outcome = what.bundle != null
                    ? applier.bundle(DeliveryInput.bundle(what.bundle), dryRun)
                    : applier.plan(DeliveryInput.plan(what.plan), dryRun);
        } catch (BadInputException e) {
            spec.commandLine().getErr().println("customer-agent: " + e.getMessage());
            return 2;
        }
        spec.commandLine()
                .getOut()
                .println(DeliveryJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(outcome));
        return DeliveryApplier.exitStatus(outcome);
    }
}
