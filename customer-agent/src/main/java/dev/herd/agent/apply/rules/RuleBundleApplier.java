package dev.herd.agent.apply.rules;

import dev.herd.agent.apply.ApplyOutcomes;
import dev.herd.agent.process.CommandResult;
import dev.herd.contracts.delivery.ApplyOutcome;
import dev.herd.contracts.delivery.ApplyOutcome.CheckResult;
import dev.herd.contracts.delivery.ApplyOutcome.Kind;
import dev.herd.contracts.delivery.ApplyOutcome.Result;
import dev.herd.contracts.delivery.RuleBundle;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies a tenant's rule bundle with nft: a dry run only asks {@code nft -c}; a real apply keeps the current table
 * {@code inet herd}, loads the bundle, checks that the table is there with every rule comment of the bundle, and puts
 * the kept table back (or removes the table when there was none) when that check fails. A delta (ADR 11) goes the same
 * way in one {@code nft -f} run on top of the table held; its check also wants the rules it withdraws gone.
 *
 * <p>Payload-signature rules, which nftables cannot express, become kernel string matches ({@link SignatureRules})
 * after the nftables part; they are saved, applied and checked the same way, and when they fail both parts are rolled
 * back, so a bundle is in force as a whole or not at all. A bundle that neither carries signature rules nor replaces
 * any changes nothing in iptables.
 */
public class RuleBundleApplier {

    private static final Pattern HERD_RULE = Pattern.compile("herd:([0-9]{1,9}) ");
    private static final Pattern COMMENT = Pattern.compile("comment\\s+\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final Nft nft;
    private final SignatureRules signatures;
    private final Clock clock;

    public RuleBundleApplier(Nft nft, SignatureRules signatures, Clock clock) {
        this.nft = nft;
        this.signatures = signatures;
        this.clock = clock;
    }

    /** Dry run: SIMULATED when nft accepts the bundle (nothing applied), FAILED when it refuses it. */
    public ApplyOutcome dryRun(RuleBundle bundle) {
        CommandResult checked = nft.check(bundle.nftables());
        CheckResult check = new CheckResult("dry-run", "nft -c -f", checked.succeeded(), nftSays(checked));
        if (!checked.succeeded()) {
            return outcome(
                    bundle,
                    Result.FAILED,
                    List.of(check),
                    "dry run: nft refuses revision " + bundle.revision() + ": " + checked.message());
        }
        SignatureRules.Saved held = signatures.save();
        if (!signatures.concerns(bundle, held)) {
            return outcome(
                    bundle,
                    Result.SIMULATED,
                    List.of(check),
                    "dry run: nft accepts revision " + bundle.revision() + "; nothing applied");
        }
        CheckResult strings = signatures.check(bundle, held);
        return outcome(
                bundle,
                strings.passed() ? Result.SIMULATED : Result.FAILED,
                List.of(check, strings),
                strings.passed()
                        ? "dry run: nft and iptables accept revision " + bundle.revision() + "; nothing applied"
                        : "dry run: revision " + bundle.revision() + "'s string-match rules: " + strings.detail());
    }

    public ApplyOutcome apply(RuleBundle bundle) {
        Optional<String> saved = nft.listHerdTable();
        SignatureRules.Saved savedSignatures = signatures.save();
        boolean withSignatures = signatures.concerns(bundle, savedSignatures);
        CommandResult applied = nft.apply(bundle.nftables());
        if (!applied.succeeded()) {
            // nft -f is one transaction: a refused script changed nothing.
            return outcome(
                    bundle,
                    Result.FAILED,
                    List.of(new CheckResult("nft", "nft -f", false, nftSays(applied))),
                    "nft refused " + name(bundle) + "; nothing changed: " + applied.message());
        }
        CheckResult verified = verify(bundle);
        if (verified.passed() && !withSignatures) {
            return outcome(bundle, Result.APPLIED, List.of(verified), name(bundle) + " applied");
        }
        if (verified.passed()) {
            CheckResult strings = signatures.apply(bundle, savedSignatures);
            if (strings.passed()) {
                return outcome(
                        bundle,
                        Result.APPLIED,
                        List.of(verified, strings),
                        name(bundle) + " applied, with its string-match rules");
            }
            return rollBackBoth(bundle, saved, savedSignatures, verified, strings);
        }
        CommandResult restored = nft.apply(rollbackScript(saved));
        CheckResult rollback = new CheckResult(
                "rollback",
                saved.isPresent() ? "restore the previous table inet herd" : "delete table inet herd",
                restored.succeeded(),
                nftSays(restored));
        if (!restored.succeeded()) {
            return outcome(
                    bundle,
                    Result.FAILED,
                    List.of(verified, rollback),
                    name(bundle) + " failed its check and the rollback failed too: " + restored.message());
        }
        return outcome(
                bundle,
                Result.ROLLED_BACK,
                List.of(verified, rollback),
                name(bundle) + " failed its check (" + verified.detail() + "); "
                        + (saved.isPresent() ? "previous table restored" : "table removed"));
    }

    /** The string-match rules failed: both parts go back to what they were, and the outcome says why. */
    private ApplyOutcome rollBackBoth(
            RuleBundle bundle,
            Optional<String> saved,
            SignatureRules.Saved savedSignatures,
            CheckResult verified,
            CheckResult strings) {
        CheckResult stringsBack = signatures.restore(savedSignatures);
        CommandResult restored = nft.apply(rollbackScript(saved));
        CheckResult nftBack = new CheckResult(
                "rollback",
                saved.isPresent() ? "restore the previous table inet herd" : "delete table inet herd",
                restored.succeeded(),
                nftSays(restored));
        List<CheckResult> checks = List.of(verified, strings, nftBack, stringsBack);
        if (!restored.succeeded() || !stringsBack.passed()) {
            return outcome(
                    bundle,
                    Result.FAILED,
                    checks,
                    name(bundle) + "'s string-match rules failed (" + strings.detail()
                            + ") and the rollback failed too: "
                            + (restored.succeeded() ? stringsBack.detail() : restored.message()));
        }
        return outcome(
                bundle,
                Result.ROLLED_BACK,
                checks,
                name(bundle) + "'s string-match rules failed (" + strings.detail()
                        + "); previous nftables table and string-match rules restored");
    }

    /** The table exists and holds every comment the bundle's rules carry. */
    CheckResult verify(RuleBundle bundle) {
        CommandResult listed = nft.listHerdTableResult();
        if (!listed.succeeded()) {
            return new CheckResult("ruleset", Nft.TABLE, false, "nft list table inet herd: " + listed.message());
        }
        List<String> missing = new ArrayList<>();
        List<String> expected = expectedComments(bundle);
        for (String comment : expected) {
            if (!listed.stdout().contains("comment \"" + comment + "\"")) {
                missing.add(comment);
            }
        }
        List<String> left = new ArrayList<>();
        if (bundle.isDelta()) {
            for (int number : bundle.changes().withdrawn()) {
                if (listed.stdout().contains("comment \"herd:" + number + " ")) {
                    left.add("herd:" + number);
                }
            }
        }
        if (!missing.isEmpty()) {
            return new CheckResult(
                    "ruleset", Nft.TABLE, false, "rule comment(s) missing: " + String.join(", ", missing));
        }
        if (!left.isEmpty()) {
            return new CheckResult(
                    "ruleset", Nft.TABLE, false, "withdrawn rule(s) still there: " + String.join(", ", left));
        }
        return new CheckResult("ruleset", Nft.TABLE, true, expected.size() + " rule comment(s) present");
    }

    /**
     * The rule comments the table must hold after the bundle: every one in its text except those of Herd rules
     * ({@code herd:N ...}) that are gone by its end, which a gateway's folded bundle may both add and withdraw: a
     * delta's withdrawn rules, and in a full bundle the rules it does not list.
     */
    static List<String> expectedComments(RuleBundle bundle) {
        Set<Integer> listed = new HashSet<>();
        bundle.rules().forEach(rule -> listed.add(rule.number()));
        Set<Integer> withdrawn =
                bundle.isDelta() ? new HashSet<>(bundle.changes().withdrawn()) : Set.of();
        List<String> expected = new ArrayList<>();
        for (String comment : comments(bundle.nftables())) {
            Matcher herd = HERD_RULE.matcher(comment);
            boolean gone = herd.lookingAt()
                    && (bundle.isDelta()
                            ? withdrawn.contains(Integer.parseInt(herd.group(1)))
                            : !listed.contains(Integer.parseInt(herd.group(1))));
            if (!gone) {
                expected.add(comment);
            }
        }
        return expected;
    }

    static List<String> comments(String nftables) {
        List<String> comments = new ArrayList<>();
        Matcher m = COMMENT.matcher(nftables);
        while (m.find()) {
            comments.add(m.group(1));
        }
        return comments;
    }

    /** One transaction: ensure the table exists so the delete cannot fail, delete it, then recreate what was saved. */
    static String rollbackScript(Optional<String> saved) {
        return "table inet herd\ndelete table inet herd\n" + saved.orElse("");
    }

    private ApplyOutcome outcome(RuleBundle bundle, Result result, List<CheckResult> checks, String message) {
        return ApplyOutcomes.of(
                Kind.RULE_BUNDLE, Long.toString(bundle.revision()), result, checks, List.of(), message, clock);
    }

    /** {@code revision 7}, or {@code revision 7 (delta on 6)}. */
    static String name(RuleBundle bundle) {
        return "revision " + bundle.revision() + (bundle.isDelta() ? " (delta on " + bundle.baseRevision() + ")" : "");
    }

    private static String nftSays(CommandResult result) {
        String said = result.message();
        return said.isEmpty() ? (result.succeeded() ? "ok" : "exit " + result.exitCode()) : said;
    }
}
