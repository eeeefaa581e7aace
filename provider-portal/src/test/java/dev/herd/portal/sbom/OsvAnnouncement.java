package dev.herd.portal.sbom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herd.contracts.advisory.AdvisoryChanged;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * An OSV record from the test resources as the hub announces it to the portal: id, aliases, summary, severity and
 * every affected package with its ranges, field for field (the hub's own OSV translation is tested in the hub).
 */
final class OsvAnnouncement {

    private OsvAnnouncement() {}

    static AdvisoryChanged of(ObjectMapper json, String resource, AdvisoryChanged.Change change) {
        JsonNode osv;
        try (InputStream in = OsvAnnouncement.class.getResourceAsStream(resource)) {
            osv = json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String id = osv.path("id").asText();
        List<AdvisoryChanged.Affected> affected = new ArrayList<>();
        Set<AdvisoryChanged.PackageRef> packages = new LinkedHashSet<>();
        for (JsonNode entry : osv.path("affected")) {
            String ecosystem = entry.path("package").path("ecosystem").asText();
            String name = entry.path("package").path("name").asText();
            List<AdvisoryChanged.Range> ranges = new ArrayList<>();
            for (JsonNode range : entry.path("ranges")) {
                List<AdvisoryChanged.Event> events = new ArrayList<>();
                for (JsonNode event : range.path("events")) {
                    events.add(new AdvisoryChanged.Event(
                            text(event, "introduced"),
                            text(event, "fixed"),
                            text(event, "last_affected"),
                            text(event, "limit")));
                }
                ranges.add(new AdvisoryChanged.Range(range.path("type").asText(), events));
            }
            List<String> versions = new ArrayList<>();
            entry.path("versions").forEach(v -> versions.add(v.asText()));
            affected.add(new AdvisoryChanged.Affected(ecosystem, name, ranges, versions, List.of(), id));
            packages.add(new AdvisoryChanged.PackageRef(ecosystem, name));
        }
        List<String> aliases = new ArrayList<>();
        osv.path("aliases").forEach(a -> aliases.add(a.asText()));
        return new AdvisoryChanged(
                id,
                change,
                change != AdvisoryChanged.Change.WITHDRAWN,
                false,
                0,
                List.copyOf(packages),
                change == AdvisoryChanged.Change.WITHDRAWN
                        ? Instant.parse(osv.path("modified").asText()).plusSeconds(60)
                        : Instant.parse(osv.path("modified").asText()),
                osv.path("summary").asText(),
                osv.path("database_specific").path("severity").asText(null),
                null,
                aliases,
                affected,
                List.of(),
                List.of());
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }
}
