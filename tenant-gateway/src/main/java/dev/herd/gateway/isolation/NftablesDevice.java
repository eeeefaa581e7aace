package dev.herd.gateway.isolation;

import dev.herd.contracts.problem.HerdException;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The nftables driver: keeps the set of isolated machines, renders the whole quarantine table on every change and,
 * depending on the mode, only renders it ({@code off}, for dev machines), checks it with {@code nft -c -f -}
 * ({@code check}) or applies it with {@code nft -f -} ({@code apply}). A refused script leaves the state unchanged.
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
    private final Map<Machine, NftablesRuleset.Entry> isolated = new LinkedHashMap<>();
    private String lastRuleset = "";

    public NftablesDevice(Nft nft, Mode mode, List<Machine> diagnosis) {
        this.nft = nft;
        this.mode = mode;
        this.diagnosis = List.copyOf(diagnosis);
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

    /** The ruleset last rendered (and, in {@code check}/{@code apply} mode, accepted by nft). */
    public synchronized String lastRuleset() {
        return lastRuleset;
    }

    private void install(Map<Machine, NftablesRuleset.Entry> next) {
        String script = NftablesRuleset.render(next.values(), diagnosis);
        if (mode != Mode.OFF) {
            Nft.Result result;
            try {
                result = mode == Mode.CHECK ? nft.check(script) : nft.apply(script);
            } catch (IOException e) {
                throw failed("nft could not be run: " + e.getMessage());
            }
            if (!result.ok()) {
                throw failed("nft refused the quarantine ruleset (exit " + result.exitCode() + "): " + result.output());
            }
        }
        LOG.debugf("quarantine ruleset (%s):%n%s", mode, script);
        isolated.clear();
        isolated.putAll(next);
        lastRuleset = script;
    }

    private static HerdException failed(String message) {
        return new HerdException(503, "isolation-failed", message);
    }
}
