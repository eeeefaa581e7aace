package dev.herd.hub.stix;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herd.contracts.damage.DamageReport;
import dev.herd.contracts.problem.HerdException;
import dev.herd.contracts.problem.ProblemDetail;
import dev.herd.hub.advisory.AdvisoryStatement;
import dev.herd.hub.community.CommunityIndicators;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks a pushed STIX 2.1 bundle and reads its indicators. Objects of other types (identities, relationships,
 * malware …) are allowed and left aside. Every fault is named by its field ({@code objects[3].pattern}); a bundle
 * with any fault is refused whole with one 400 problem listing them.
 */
final class StixBundleReader {

    private static final Pattern TYPE = Pattern.compile("^[a-z0-9][a-z0-9-]{1,248}[a-z0-9]$");
    private static final int MAX_ERRORS = 100;
    private static final int MAX_DESCRIPTION = 10_000;

    private final List<ProblemDetail.FieldError> errors = new ArrayList<>();
    private final Instant now;

    private StixBundleReader(Instant now) {
        this.now = now;
    }

    /** The bundle's indicators (the newest version of each id), or the 400 problem naming every fault. */
    static List<PushedIndicator> read(JsonNode bundle, int maxObjects, Instant now) {
        StixBundleReader reader = new StixBundleReader(now);
        List<PushedIndicator> indicators = reader.bundle(bundle, maxObjects);
        if (!reader.errors.isEmpty()) {
            ProblemDetail.FieldError first = reader.errors.get(0);
            throw new HerdException(
                    400,
                    "stix-bundle-invalid",
                    "The STIX bundle is refused: " + first.field() + ": " + first.message(),
                    reader.errors);
        }
        return indicators;
    }

    private List<PushedIndicator> bundle(JsonNode bundle, int maxObjects) {
        noNul(bundle, "");
        if (!errors.isEmpty()) {
            return List.of();
        }
        if (!bundle.isObject() || !"bundle".equals(bundle.path("type").asText(null))) {
            error("type", "not-stix", "a STIX 2.1 bundle is a JSON object whose type is \"bundle\"");
            return List.of();
        }
        if (!StixIds.valid(bundle.path("id").asText(null), "bundle")) {
            error("id", "invalid", "a bundle id: bundle--<UUID>");
        }
        JsonNode objects = bundle.path("objects");
        if (!objects.isArray()) {
            error("objects", "invalid", "a list of STIX objects");
            return List.of();
        }
        if (objects.size() > maxObjects) {
            error("objects", "too-many-objects", "at most " + maxObjects + " objects in one bundle");
            return List.of();
        }
        Map<String, PushedIndicator> newest = new LinkedHashMap<>();
        for (int i = 0; i < objects.size() && errors.size() < MAX_ERRORS; i++) {
            PushedIndicator indicator = object(objects.get(i), "objects[" + i + "]", i);
            if (indicator != null) {
                newest.merge(
                        indicator.stixId(), indicator, (a, b) -> b.modified().isAfter(a.modified()) ? b : a);
            }
        }
        if (errors.isEmpty() && newest.isEmpty()) {
            error("objects", "no-indicators", "at least one indicator");
        }
        return List.copyOf(newest.values());
    }

    private PushedIndicator object(JsonNode object, String at, int index) {
        if (!object.isObject()) {
            error(at, "invalid", "a STIX object (a JSON object)");
            return null;
        }
        String type = object.path("type").asText(null);
        if (type == null
                || !object.path("type").isTextual()
                || !TYPE.matcher(type).matches()) {
            error(at + ".type", "invalid", "a STIX type (a-z, 0-9 and -, 3 to 250 characters)");
            return null;
        }
        if (!StixIds.valid(object.path("id").asText(null), type)) {
            error(at + ".id", "invalid", "an identifier " + type + "--<UUID>");
            return null;
        }
        if (!type.equals("indicator")) {
            return null;
        }
        if (!"2.1".equals(object.path("spec_version").asText(null))) {
            error(at + ".spec_version", "invalid", "\"2.1\"");
        }
        Instant created = time(object, at, "created", true);
        Instant modified = time(object, at, "modified", true);
        Instant validFrom = time(object, at, "valid_from", true);
        Instant validUntil = time(object, at, "valid_until", false);
        String name = text(object, at, "name", AdvisoryStatement.TITLE_MAX);
        String description = text(object, at, "description", MAX_DESCRIPTION);
        JsonNode revoked = object.path("revoked");
        if (!revoked.isMissingNode() && !revoked.isBoolean()) {
            error(at + ".revoked", "invalid", "true or false");
        }
        if (!"stix".equals(object.path("pattern_type").asText(null))) {
            error(at + ".pattern_type", "pattern-type-unsupported", "\"stix\" (Herd reads STIX patterns only)");
            return null;
        }
        JsonNode pattern = object.path("pattern");
        if (!pattern.isTextual()) {
            error(at + ".pattern", "invalid", "a STIX pattern (a string)");
            return null;
        }
        CommunityIndicators indicators;
        try {
            List<DamageReport.Indicator> parsed = StixPatternParser.parse(pattern.asText());
            indicators = CommunityIndicators.of(parsed);
        } catch (StixPatternException e) {
            error(at + ".pattern", e.code(), e.getMessage());
            return null;
        } catch (IllegalArgumentException e) {
            error(at + ".pattern", "indicator-invalid", e.getMessage().replace("indicators[", "observation ["));
            return null;
        }
        if (created == null || modified == null || validFrom == null) {
            return null;
        }
        if (modified.isBefore(created)) {
            error(at + ".modified", "invalid", "not before created");
        }
        boolean withdrawn = revoked.asBoolean(false) || (validUntil != null && !validUntil.isAfter(now));
        return new PushedIndicator(
                index, object.get("id").asText(), name, description, validFrom, modified, withdrawn, indicators);
    }

    private Instant time(JsonNode object, String at, String field, boolean required) {
        JsonNode value = object.path(field);
        if (value.isMissingNode()) {
            if (required) {
                error(at + "." + field, "missing", "a timestamp, e.g. 2025-01-02T03:04:05.678Z");
            }
            return null;
        }
        Instant parsed = value.isTextual() ? StixTime.parse(value.asText()).orElse(null) : null;
        if (parsed == null) {
            error(at + "." + field, "invalid", "an RFC 3339 timestamp in UTC, e.g. 2025-01-02T03:04:05.678Z");
        }
        return parsed;
    }

    private String text(JsonNode object, String at, String field, int max) {
        JsonNode value = object.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isTextual() || value.asText().length() > max) {
            error(at + "." + field, "invalid", "text of at most " + max + " characters");
            return null;
        }
        return value.asText();
    }

    /** NUL is no character of text Herd stores or passes on (PostgreSQL refuses it in text too). */
    private void noNul(JsonNode node, String at) {
        if (errors.size() >= MAX_ERRORS) {
            return;
        }
        if (node.isTextual() && node.asText().indexOf('\0') >= 0) {
            error(at.isEmpty() ? "(body)" : at, "nul-character", "text without NUL characters");
        } else if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String name = field.getKey();
                if (name.indexOf('\0') >= 0) {
                    error(at.isEmpty() ? "(body)" : at, "nul-character", "member names without NUL characters");
                    continue;
                }
                noNul(field.getValue(), at.isEmpty() ? name : at + "." + name);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                noNul(node.get(i), at + "[" + i + "]");
            }
        }
    }

    private void error(String field, String code, String message) {
        if (errors.size() < MAX_ERRORS) {
            errors.add(new ProblemDetail.FieldError(field, code, message));
        }
    }
}
