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
