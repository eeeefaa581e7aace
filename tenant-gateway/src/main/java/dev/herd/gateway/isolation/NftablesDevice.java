package dev.herd.gateway.isolation;

import dev.herd.contracts.problem.HerdException;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The nftables driver: keeps the quarantined machines and the isolation orders, renders the whole table concerned
 * ({@link NftablesRuleset}, {@link NftablesIsolationRuleset}) on every change and, depending on the mode, only renders
 * it ({@code off}, for dev machines), checks it with {@code nft -c -f -} ({@code check}) or applies it with
 * {@code nft -f -} ({@code apply}). DROP_SIGNATURE orders are kernel string matches
 * ({@link StringMatchIsolationRuleset}, through iptables-restore, checked with {@code --test} in {@code check} mode)
 * and, in {@code apply} mode, also rules in the Suricata rules file for sites that run Suricata. iptables is not run
 * while no DROP_SIGNATURE order is or was held. A refused script leaves the state unchanged: when the string matches
 * are refused, the nftables table goes back to what it was.
 */
public class NftablesDevice implements IsolatingDevice {

    /** What to do with a rendered ruleset. */
    public enum Mode {
        OFF,
        CHECK,
        APPLY;

        public static Mode of(String text) {
            try {
                return valueOf(text.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("herd.gateway.isolation.nftables.mode must be off, check or apply");
            }
        }
    }

    private static final Logger LOG = Logger.getLogger(NftablesDevice.class);

    private final Nft nft;
    private final Mode mode;
    private final List<Machine> diagnosis;
    private final Iptables iptables;
    private final SuricataRules suricata;
    private final Map<Machine, NftablesRuleset.Entry> isolated = new LinkedHashMap<>();
    private Isolations orders = new Isolations();
    private String lastRuleset = "";
    private String lastIsolationRuleset = NftablesIsolationRuleset.render(List.of());

    /**
     * @param iptables runs iptables-restore for the string matches of DROP_SIGNATURE orders
     * @param suricata where DROP_SIGNATURE rules are written in {@code apply} mode
     */
    public NftablesDevice(Nft nft, Mode mode, List<Machine> diagnosis, Iptables iptables, SuricataRules suricata) {
        this.nft = nft;
        this.mode = mode;
        this.diagnosis = List.copyOf(diagnosis);
        this.iptables = iptables;
        this.suricata = suricata;
    }

    @Override
    public synchronized void quarantine(Machine machine, String segment) {
        Map<Machine, NftablesRuleset.Entry> next = new LinkedHashMap<>(isolated);
        next.put(machine, new NftablesRuleset.Entry(machine, segment));
        install(next);
    }

    @Override
    public synchronized void release(Machine machine) {
        Map<Machine, NftablesRuleset.Entry> next = new LinkedHashMap<>(isolated);
        next.remove(machine);
        install(next);
    }

    @Override
    public synchronized void isolate(Isolation isolation) {
        installOrders(orders.with(isolation));
    }

    @Override
    public synchronized List<UUID> lift(List<Machine> machines) {
        Isolations.Lifted lifted = orders.without(machines);
        if (!lifted.orders().isEmpty()) {
            installOrders(lifted.next());
        }
        return lifted.orders();
    }

    /** The quarantine ruleset last rendered (and, in {@code check}/{@code apply} mode, accepted by nft). */
    public synchronized String lastRuleset() {
        return lastRuleset;
    }

    /** The isolation-order ruleset last rendered (and, in {@code check}/{@code apply} mode, accepted by nft). */
    public synchronized String lastIsolationRuleset() {
        return lastIsolationRuleset;
    }

    private void install(Map<Machine, NftablesRuleset.Entry> next) {
        String script = NftablesRuleset.render(next.values(), diagnosis);
        run(script, "quarantine");
        LOG.debugf("quarantine ruleset (%s):%n%s", mode, script);
        isolated.clear();
        isolated.putAll(next);
        lastRuleset = script;
    }

    private void installOrders(Isolations next) {
        String script = NftablesIsolationRuleset.render(next.all());
        boolean strings =
                StringMatchIsolationRuleset.needed(next.all()) || StringMatchIsolationRuleset.needed(orders.all());
        if (mode == Mode.APPLY) {
            SuricataRules.Staged rules;
            try {
                rules = suricata.stage(next.all());
            } catch (IOException e) {
                throw failed("the Suricata rules file could not be written: " + e.getMessage());
            }
            try {
                run(script, "isolation");
            } catch (HerdException e) {
                rules.discard();
                throw e;
            }
            try {
                if (strings) {
                    applyStringMatches(next);
                }
            } catch (HerdException e) {
                rules.discard();
                run(lastIsolationRuleset, "previous isolation"); // nft and the string matches must not disagree
                restoreStringMatches(); // the IPv4 chain may have changed before the IPv6 one was refused
                throw e;
            }
            try {
                rules.commit();
            } catch (IOException e) {
                rules.discard();
                run(lastIsolationRuleset, "previous isolation"); // nft and the rules file must not disagree
                if (strings) {
                    restoreStringMatches();
                }
                throw failed("the Suricata rules file could not be put in place: " + e.getMessage());
            }
        } else {
            run(script, "isolation");
            if (strings && mode == Mode.CHECK) {
                checkStringMatches(next);
            }
        }
        LOG.debugf("isolation ruleset (%s):%n%s", mode, script);
        orders = next;
        lastIsolationRuleset = script;
    }

    /** Replaces the string-match chain of each family with the orders' rules (and the FORWARD jump if missing). */
    private void applyStringMatches(Isolations next) {
        for (boolean ipv6 : new boolean[] {false, true}) {
            Nft.Result result;
            try {
                Nft.Result forward = iptables.list("FORWARD", ipv6);
                if (!forward.ok()) {
                    throw failed("iptables could not list chain FORWARD (exit " + forward.exitCode() + "): "
                            + forward.output());
                }
                boolean addJump = !StringMatchIsolationRuleset.jumpsToChain(forward.output());
                result = iptables.restore(StringMatchIsolationRuleset.render(next.all(), ipv6, addJump), ipv6);
            } catch (IOException e) {
                throw failed("iptables could not be run: " + e.getMessage());
            }
            if (!result.ok()) {
                throw failed(
                        "the kernel refused the string matches (exit " + result.exitCode() + "): " + result.output());
            }
        }
    }

    /** Puts the string matches of the orders held back, as far as iptables lets it; the caller reports the failure. */
    private void restoreStringMatches() {
        try {
            applyStringMatches(orders);
        } catch (HerdException e) {
            LOG.errorf("the string matches of the orders held could not be put back: %s", e.getMessage());
        }
    }

    private void checkStringMatches(Isolations next) {
        for (boolean ipv6 : new boolean[] {false, true}) {
            Nft.Result result;
            try {
                result = iptables.test(StringMatchIsolationRuleset.render(next.all(), ipv6, false), ipv6);
            } catch (IOException e) {
                throw failed("iptables could not be run: " + e.getMessage());
            }
            if (!result.ok()) {
                throw failed("the kernel would refuse the string matches (exit " + result.exitCode() + "): "
                        + result.output());
            }
        }
    }

    private void run(String script, String what) {
        if (mode == Mode.OFF) {
            return;
        }
        Nft.Result result;
        try {
            result = mode == Mode.CHECK ? nft.check(script) : nft.apply(script);
        } catch (IOException e) {
            throw failed("nft could not be run: " + e.getMessage());
        }
        if (!result.ok()) {
            throw failed("nft refused the " + what + " ruleset (exit " + result.exitCode() + "): " + result.output());
        }
    }

    private static HerdException failed(String message) {
        return new HerdException(503, "isolation-failed", message);
    }
}
