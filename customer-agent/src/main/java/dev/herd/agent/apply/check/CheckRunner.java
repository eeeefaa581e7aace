package dev.herd.agent.apply.check;

import dev.herd.contracts.delivery.ApplyOutcome.CheckResult;
import dev.herd.contracts.delivery.PatchPlan.Check;

/** Runs one operation check of a patch plan. */
public interface CheckRunner {

    CheckResult run(Check check);
}
