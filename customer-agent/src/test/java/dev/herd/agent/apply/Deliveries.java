package dev.herd.agent.apply;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.herd.contracts.delivery.PatchPlan;
import dev.herd.contracts.delivery.PatchPlan.Check;
import dev.herd.contracts.delivery.PatchPlan.Step;
import dev.herd.contracts.delivery.RuleBundle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Rule bundles and patch plans for tests, and the JSON files {@code apply} reads. */
public final class Deliveries {

    private Deliveries() {}

    /** A ruleset owning {@code inet herd} with one rule per comment (ports 4000, 4001, ...). */
    public static String herdTable(String... comments) {
        StringBuilder rules = new StringBuilder();
        for (int i = 0; i < comments.length; i++) {
            rules.append("    tcp dport ")
                    .append(4000 + i)
                    .append(" drop comment \"")
                    .append(comments[i])
                    .append("\"\n");
        }
        return "table inet herd\nflush table inet herd\ntable inet herd {\n  chain input {\n"
                + "    type filter hook input priority 0; policy accept;\n" + rules + "  }\n}\n";
    }

    public static RuleBundle bundle(long revision, String nftables) {
        return new RuleBundle("acme", revision, Instant.parse("2026-11-21T08:00:00Z"), List.of(), nftables, "");
    }

    /** A delta on top of {@code base} that withdraws the rules numbered {@code withdrawn}. */
    public static RuleBundle delta(long revision, long base, String nftables, List<Integer> withdrawn) {
        return RuleBundle.delta(
                "acme",
                revision,
                Instant.parse("2026-11-21T08:00:00Z"),
                base,
                nftables,
                new RuleBundle.Changes(List.of(), withdrawn));
    }

    /**
     * A full ruleset in the portal's layout (ADR 5): rule 1 drops tcp/443 to {@code 10.0.0.1, 10.0.0.2} (set
     * {@code r1_v4}, chain {@code r1}), rule 2 drops tcp/22 to {@code 10.0.0.1}; the base chain only jumps; set
     * elements are added by command after the table, so deltas in the same run can delete them (ADR 11).
     */
    public static final String PORTAL_FULL = """
            table inet herd {}
            delete table inet herd
            table inet herd {
            	set r1_v4 {
            		type ipv4_addr
            		flags interval
            	}
            	chain r1 {
            		ip daddr @r1_v4 tcp dport 443 drop comment "herd:1 CVE-2024-0001"
            	}
            	set r2_v4 {
            		type ipv4_addr
            		flags interval
            	}
            	chain r2 {
            		ip daddr @r2_v4 tcp dport 22 drop comment "herd:2 CVE-2024-0002"
            	}
            	chain input {
            		type filter hook input priority filter - 1; policy accept;
            		jump r1
            		jump r2
            	}
            }
            add element inet herd r1_v4 { 10.0.0.1, 10.0.0.2 }
            add element inet herd r2_v4 { 10.0.0.1 }
            """;

    /** On {@link #PORTAL_FULL}: rule 1 moves from 10.0.0.1 to 10.0.0.3, rule 2 is withdrawn, rule 3 added. */
    public static final String PORTAL_DELTA_2 = """
            # Herd delta: applies on top of the full ruleset of the previous rules
            flush chain inet herd input
            flush chain inet herd r2
            delete chain inet herd r2
            delete set inet herd r2_v4
            delete element inet herd r1_v4 { 10.0.0.1 }
            add element inet herd r1_v4 { 10.0.0.3 }
            add set inet herd r3_v4 { type ipv4_addr; flags interval; }
            add element inet herd r3_v4 { 10.0.0.0/24 }
            add chain inet herd r3
            add rule inet herd r3 ip daddr @r3_v4 udp dport 161 drop comment "herd:3 CVE-2024-0003"
            add rule inet herd input jump r1
            add rule inet herd input jump r3
            """;

    /** On revision 2: rule 1 moves from 10.0.0.3 to 10.0.0.9, rule 3 is withdrawn. */
    public static final String PORTAL_DELTA_3 = """
            # Herd delta: applies on top of the full ruleset of the previous rules
            flush chain inet herd input
            flush chain inet herd r3
            delete chain inet herd r3
            delete set inet herd r3_v4
            delete element inet herd r1_v4 { 10.0.0.3 }
            add element inet herd r1_v4 { 10.0.0.9 }
            add rule inet herd input jump r1
            """;

    public static PatchPlan plan(String packageManager, List<Step> steps, List<Check> pre, List<Check> post) {
        return new PatchPlan(
                UUID.randomUUID(),
                "acme",
                null,
                null,
                packageManager,
                steps,
                pre,
                post,
                List.of(),
                List.of(),
                List.of("CVE-2024-0001"),
                Instant.parse("2026-11-21T08:00:00Z"));
    }

    public static Path write(Path dir, String name, Object value) {
        try {
            return Files.writeString(dir.resolve(name), DeliveryJson.MAPPER.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
