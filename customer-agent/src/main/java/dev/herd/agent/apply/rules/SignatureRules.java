package dev.herd.agent.apply.rules;

import dev.herd.agent.apply.rules.Iptables.Family;
import dev.herd.agent.process.CommandResult;
import dev.herd.agent.process.ProcessRunner;
import dev.herd.contracts.delivery.ApplyOutcome.CheckResult;
import dev.herd.contracts.delivery.RuleBundle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A bundle's payload-signature rules enforced on this host as kernel string matches ({@link SignatureChain}), for
 * IPv4 and IPv6: what the chains held is saved first, each family's chain is replaced in one transaction, the result
 * is checked against the rules it must and must not hold, and the saved chains can be put back. A full bundle makes the
 * chains exactly its signature rules; a delta replaces the rules it puts, drops those it withdraws and keeps the rest
 * as the kernel lists them.
 */
public class SignatureRules {

    /** The chain the signature rules live in, in table {@code filter} of both families. */
    public static final String CHAIN = SignatureChain.CHAIN;
    /** The NFLOG group each signature hit is logged to before its verdict (read by the agent's monitor). */
    public static final int NFLOG_GROUP = SignatureChain.NFLOG_GROUP;

    /** The chains' {@code -A} lines before a change, per family (empty where there was no chain), and the hooks
     * already jumping to the chain. */
    public record Saved(Map<Family, Optional<List<String>>> chains, Map<Family, Set<String>> jumping) {}

    private final List<Iptables> families;

    public SignatureRules(ProcessRunner runner, List<String> iptables) {
        this.families = List.of(new Iptables(runner, iptables, Family.V4), new Iptables(runner, iptables, Family.V6));
    }

    /** One listing of table {@code filter} per family: the chain's rules and the hooks jumping to it. */
    public Saved save() {
        Map<Family, Optional<List<String>>> chains = new EnumMap<>(Family.class);
        Map<Family, Set<String>> jumping = new EnumMap<>(Family.class);
        for (Iptables family : families) {
            CommandResult listed = family.listTable();
            boolean held = listed.succeeded() && SignatureChain.declared(listed.stdout());
            chains.put(
                    family.family(), held ? Optional.of(SignatureChain.appended(listed.stdout())) : Optional.empty());
            jumping.put(family.family(), listed.succeeded() ? SignatureChain.jumping(listed.stdout()) : Set.of());
        }
        return new Saved(chains, jumping);
    }

    /** Whether the bundle changes string matches here: it carries signature rules, or chains hold rules it replaces. */
    public boolean concerns(RuleBundle bundle, Saved saved) {
        if (changed(bundle).stream().anyMatch(SignatureChain::hasSignature)) {
            return true;
        }
        Set<Integer> touched = touched(bundle);
        return saved.chains().values().stream()
                .flatMap(Optional::stream)
                .flatMap(List::stream)
                .anyMatch(line -> !bundle.isDelta() || touched.contains(SignatureChain.ruleNumber(line)));
    }

    /** Dry run: would the kernel take each family's new chain? Nothing changes. */
    public CheckResult check(RuleBundle bundle, Saved saved) {
        try {
            for (Iptables family : families) {
                CommandResult tested = family.test(SignatureChain.script(desired(bundle, saved, family), List.of()));
                if (!tested.succeeded()) {
                    return failed(family, "the kernel would refuse the string-match rules: " + says(tested));
                }
            }
        } catch (IllegalArgumentException e) {
            return failed(families.getFirst(), e.getMessage());
        }
        return new CheckResult("signatures", SignatureChain.CHAIN, true, "iptables-restore --test accepts them");
    }

    /** Replaces each family's chain and checks the result; a failed check leaves restoring to {@link #restore}. */
    public CheckResult apply(RuleBundle bundle, Saved saved) {
        int enforced = 0;
        for (Iptables family : families) {
            List<String> lines;
            try {
                lines = desired(bundle, saved, family);
            } catch (IllegalArgumentException e) {
                return failed(family, e.getMessage());
            }
            List<String> missingJumps = new ArrayList<>(SignatureChain.HOOKS);
            missingJumps.removeAll(saved.jumping().get(family.family()));
            CommandResult restored = family.restore(SignatureChain.script(lines, missingJumps));
            if (!restored.succeeded()) {
                return failed(family, "the kernel refused the string-match rules: " + says(restored));
            }
            Optional<String> wrong = verify(family, lines, bundle);
            if (wrong.isPresent()) {
                return failed(family, wrong.get());
            }
            enforced = (int)
                    lines.stream().map(SignatureChain::ruleNumber).distinct().count();
        }
        long truncated = changed(bundle).stream()
                .filter(SignatureChain::hasSignature)
                .filter(SignatureChain::truncated)
                .count();
        return new CheckResult(
                "signatures",
                SignatureChain.CHAIN,
                true,
                enforced + " string-match rule(s) in " + SignatureChain.CHAIN + " for IPv4 and IPv6"
                        + (truncated == 0
                                ? ""
                                : "; " + truncated + " signature(s) longer than " + SignatureChain.MAX_PATTERN_BYTES
                                        + " bytes matched by their start"));
    }

    /** Puts back what {@link #save} found: each chain's rules as they were (an empty chain where there was none). */
    public CheckResult restore(Saved saved) {
        for (Iptables family : families) {
            List<String> lines = saved.chains().get(family.family()).orElse(List.of());
            CommandResult restored = family.restore(SignatureChain.script(lines, List.of()));
            if (!restored.succeeded()) {
                return new CheckResult("rollback", SignatureChain.CHAIN, false, says(restored));
            }
        }
        return new CheckResult("rollback", SignatureChain.CHAIN, true, "previous string-match rules restored");
    }

    /** The chain's lines after the bundle, in rule number order. */
    private static List<String> desired(RuleBundle bundle, Saved saved, Iptables family) {
        Map<Integer, List<String>> byNumber = new TreeMap<>();
        if (bundle.isDelta()) {
            Set<Integer> touched = touched(bundle);
            for (String line : saved.chains().get(family.family()).orElse(List.of())) {
                int number = SignatureChain.ruleNumber(line);
                if (number >= 0 && !touched.contains(number)) {
                    byNumber.computeIfAbsent(number, n -> new ArrayList<>()).add(line);
                }
            }
        }
        for (RuleBundle.Rule rule : changed(bundle)) {
            if (SignatureChain.hasSignature(rule)) {
                byNumber.put(rule.number(), SignatureChain.lines(rule));
            }
        }
        return byNumber.values().stream().flatMap(List::stream).toList();
    }

    /** The chain lists a line for every rule it should and none of the rules the bundle withdraws, and is jumped to. */
    private static Optional<String> verify(Iptables family, List<String> lines, RuleBundle bundle) {
        CommandResult listed = family.listTable();
        if (!listed.succeeded() || !SignatureChain.declared(listed.stdout())) {
            return Optional.of("chain " + SignatureChain.CHAIN + " is not there: " + says(listed));
        }
        Set<Integer> present = new HashSet<>();
        SignatureChain.appended(listed.stdout()).forEach(line -> present.add(SignatureChain.ruleNumber(line)));
        List<Integer> missing = lines.stream()
                .map(SignatureChain::ruleNumber)
                .filter(number -> !present.contains(number))
                .sorted()
                .toList();
        if (!missing.isEmpty()) {
            return Optional.of("string-match rule(s) missing: herd:" + missing);
        }
        if (bundle.isDelta()) {
            List<Integer> left = bundle.changes().withdrawn().stream()
                    .filter(present::contains)
                    .sorted(Comparator.naturalOrder())
                    .toList();
            if (!left.isEmpty()) {
                return Optional.of("withdrawn string-match rule(s) still there: herd:" + left);
            }
        }
        Set<String> jumping = SignatureChain.jumping(listed.stdout());
        for (String hook : SignatureChain.HOOKS) {
            if (!jumping.contains(hook)) {
                return Optional.of(hook + " does not jump to " + SignatureChain.CHAIN);
            }
        }
        return Optional.empty();
    }

    /** The rules the bundle states: every rule of a full bundle, the rules a delta puts. */
    private static List<RuleBundle.Rule> changed(RuleBundle bundle) {
        return bundle.isDelta() ? bundle.changes().put() : bundle.rules();
    }

    private static Set<Integer> touched(RuleBundle bundle) {
        Set<Integer> touched = new HashSet<>();
        if (bundle.isDelta()) {
            touched.addAll(bundle.changes().withdrawn());
            bundle.changes().put().forEach(rule -> touched.add(rule.number()));
        }
        return touched;
    }

    private static CheckResult failed(Iptables family, String detail) {
        return new CheckResult(
                "signatures",
                SignatureChain.CHAIN + (family.family() == Family.V6 ? " (IPv6)" : " (IPv4)"),
                false,
                detail);
    }

    private static String says(CommandResult result) {
        String said = result.message();
        return said.isEmpty() ? "exit " + result.exitCode() : said;
    }
}
