package dev.herd.portal.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herd.contracts.advisory.AdvisoryChanged;
import dev.herd.contracts.inventory.MachineInventory;
import dev.herd.testing.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The Debian 12 sample (shared data) as the messages the portal consumes: each OSV record as the hub would announce
 * it, each fleet machine as its gateway would forward its first full report, and the expected findings.
 */
public final class DebianSample {

    private DebianSample() {}

    /** One expected finding of the truth file. */
    public record Expected(String machine, String advisory, String packageName, String installed, String fixed) {}

    public static List<AdvisoryChanged> advisories(ObjectMapper json) throws IOException {
        List<AdvisoryChanged> announced = new ArrayList<>();
        for (JsonNode record :
                json.readTree(SharedData.file("debian12/debian12-dev-osv.json").toFile())) {
            String id = record.get("id").asText();
            List<AdvisoryChanged.Affected> affected = new ArrayList<>();
            List<AdvisoryChanged.PackageRef> packages = new ArrayList<>();
            for (JsonNode a : record.get("affected")) {
                String ecosystem = a.get("package").get("ecosystem").asText();
                String name = a.get("package").get("name").asText();
                List<AdvisoryChanged.Range> ranges = new ArrayList<>();
                for (JsonNode r : a.path("ranges")) {
                    List<AdvisoryChanged.Event> events = new ArrayList<>();
                    for (JsonNode e : r.get("events")) {
                        events.add(new AdvisoryChanged.Event(
                                text(e, "introduced"), text(e, "fixed"), text(e, "last_affected"), text(e, "limit")));
                    }
                    ranges.add(new AdvisoryChanged.Range(r.get("type").asText(), events));
                }
                affected.add(new AdvisoryChanged.Affected(ecosystem, name, ranges, List.of(), List.of(), id));
                packages.add(new AdvisoryChanged.PackageRef(ecosystem, name));
            }
            List<String> aliases = new ArrayList<>();
            aliases.add(id);
            record.path("aliases").forEach(alias -> aliases.add(alias.asText()));
            announced.add(new AdvisoryChanged(
                    id,
                    AdvisoryChanged.Change.CREATED,
                    true,
                    false,
                    0,
                    packages,
                    Instant.parse(record.get("modified").asText()),
                    record.path("summary").asText(null),
                    null,
                    null,
                    aliases,
                    affected,
                    List.of(),
                    List.of()));
        }
        return announced;
    }

    public static List<MachineInventory> fleet(ObjectMapper json, String tenant) throws IOException {
        List<MachineInventory> inventories = new ArrayList<>();
        int n = 0;
        for (JsonNode machine :
                json.readTree(SharedData.file("debian12/debian12-fleet.json").toFile())) {
            String name = machine.get("machine").asText();
            List<MachineInventory.PackageRef> packages = new ArrayList<>();
            for (JsonNode p : machine.get("packages")) {
                packages.add(new MachineInventory.PackageRef(
                        p.get("name").asText(),
                        p.get("version").asText(),
                        p.get("arch").asText(),
                        p.path("source").asText(p.get("name").asText()),
                        p.path("sourceVersion").asText(p.get("version").asText())));
            }
            inventories.add(new MachineInventory(
                    tenant,
                    machineId(tenant, name),
                    name,
                    name,
                    machine.get("os").get("id").asText(),
                    machine.get("os").get("versionId").asText(),
                    "amd64",
                    1,
                    MachineInventory.Kind.FULL,
                    packages,
                    List.of(),
                    List.of(new MachineInventory.ListeningPort("tcp", "0.0.0.0", 22)),
                    List.of("10.200.0." + (++n)),
                    Instant.now()));
        }
        return inventories;
    }

    public static List<Expected> truth(ObjectMapper json) throws IOException {
        List<Expected> expected = new ArrayList<>();
        for (JsonNode pair : json.readTree(
                SharedData.file("debian12/debian12-dev-truth.json").toFile())) {
            expected.add(new Expected(
                    pair.get("machine").asText(),
                    pair.get("advisory").asText(),
                    pair.get("package").asText(),
                    pair.get("installed").asText(),
                    text(pair, "fixed")));
        }
        return expected;
    }

    /** A stable agent id per (tenant, machine name), like an enrolled agent keeps. */
    public static UUID machineId(String tenant, String name) {
        return UUID.nameUUIDFromBytes((tenant + "/" + name).getBytes(StandardCharsets.UTF_8));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
