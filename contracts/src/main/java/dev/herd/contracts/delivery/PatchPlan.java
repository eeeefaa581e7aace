package dev.herd.contracts.delivery;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Message on {@value #ADDRESS}: what one machine must install, in order, and how to tell afterwards that it still
 * works. The agent runs the {@code preChecks}, installs {@code steps} with the package manager named by
 * {@code packageManager} ({@code apt}, {@code dnf} or {@code apk}), runs the {@code postChecks}, and rolls back to each
 * step's {@code installedVersion} when a post-check fails. {@code commands} and {@code rollbackCommands} are the same
 * plan rendered for people reading it; the agent builds its own argument lists from the steps.
 */
public record PatchPlan(
        UUID planId,
        String tenantId,
        UUID agentId,
        String machineId,
        String packageManager,
        List<Step> steps,
        List<Check> preChecks,
        List<Check> postChecks,
        List<String> commands,
        List<String> rollbackCommands,
        List<String> advisories,
        Instant createdAt) {

    public static final String ADDRESS = "herd.patch-plans";

    /** One package to bring from its installed version to the target version. */
    public record Step(int order, String packageName, String installedVersion, String targetVersion) {}

    /**
     * An operation check. {@code kind} is {@code process} (a process named {@code target} runs), {@code port} (TCP
     * {@code target} = {@code host:port} accepts a connection), {@code http} (GET {@code target} answers with
     * {@code expect}, a status code), {@code smtp} ({@code host:port} greets with 220) or {@code profile} (the
     * listening ports are the same as before the patch).
     */
    public record Check(String kind, String target, String expect) {}

    public PatchPlan {
        steps = steps == null ? List.of() : List.copyOf(steps);
        preChecks = preChecks == null ? List.of() : List.copyOf(preChecks);
        postChecks = postChecks == null ? List.of() : List.copyOf(postChecks);
        commands = commands == null ? List.of() : List.copyOf(commands);
        rollbackCommands = rollbackCommands == null ? List.of() : List.copyOf(rollbackCommands);
        advisories = advisories == null ? List.of() : List.copyOf(advisories);
    }
}
