package dev.herd.portal.sbom;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.stream.Collectors;
import org.cyclonedx.Version;
import org.cyclonedx.exception.ParseException;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Component;
import org.cyclonedx.parsers.JsonParser;

/**
 * Reads CycloneDX 1.5 and 1.6 JSON with {@code cyclonedx-core-java}: the document is validated against the spec's
 * JSON schema bundled in the library, then parsed; every component (nested ones too) is kept by its purl.
 */
final class CycloneDxReader {

    private static final int ERRORS_SHOWN = 3;

    private CycloneDxReader() {}

    static ParsedSbom read(byte[] body, JsonNode root, int maxComponents) {
        if (!"CycloneDX".equals(root.path("bomFormat").asText())) {
            throw SbomProblems.invalid("CycloneDX", "bomFormat must be \"CycloneDX\".");
        }
        JsonNode spec = root.get("specVersion");
        String specVersion = spec == null || !spec.isTextual() ? null : spec.asText();
        Version version = versionOf(specVersion, "JSON");
        JsonParser parser = new JsonParser();
        Bom bom;
        try {
            List<ParseException> errors = parser.validate(root, version);
            if (!errors.isEmpty()) {
                throw SbomProblems.invalid("CycloneDX " + specVersion, summary(errors));
            }
            bom = parser.parse(body);
        } catch (ParseException | IOException e) {
            throw SbomProblems.invalid("CycloneDX " + specVersion, e.getMessage());
        }
        return parsed(bom, specVersion, maxComponents);
    }

    /** Every component of a parsed BOM (nested ones too) by its purl; {@code metadata.component} is its name. */
    static ParsedSbom parsed(Bom bom, String specVersion, int maxComponents) {
        SbomComponents components = new SbomComponents(maxComponents);
        Deque<Component> pending = new ArrayDeque<>();
        if (bom.getComponents() != null) {
            pending.addAll(bom.getComponents());
        }
        while (!pending.isEmpty()) {
            Component component = pending.poll();
            components.add(component.getPurl());
            if (component.getComponents() != null) {
                pending.addAll(component.getComponents());
            }
        }
        String name = bom.getMetadata() == null || bom.getMetadata().getComponent() == null
                ? null
                : subjectName(bom.getMetadata().getComponent());
        return new ParsedSbom(SbomFormat.CYCLONEDX, specVersion, name, components.list(), components.skipped());
    }

    /** The first {@link #ERRORS_SHOWN} schema errors, and how many more. */
    static String summary(List<ParseException> errors) {
        return errors.stream().limit(ERRORS_SHOWN).map(Throwable::getMessage).collect(Collectors.joining("; "))
                + (errors.size() > ERRORS_SHOWN ? " (and " + (errors.size() - ERRORS_SHOWN) + " more)" : "");
    }

    /** The library's version of a CycloneDX spec version Herd takes (1.5, 1.6); else a 400 problem. */
    static Version versionOf(String specVersion, String encoding) {
        if ("1.5".equals(specVersion)) {
            return Version.VERSION_15;
        }
        if ("1.6".equals(specVersion)) {
            return Version.VERSION_16;
        }
        throw SbomProblems.specVersion("CycloneDX", specVersion, "CycloneDX 1.5 or 1.6 " + encoding);
    }

    private static String subjectName(Component subject) {
        String name = subject.getGroup() == null ? subject.getName() : subject.getGroup() + ":" + subject.getName();
        return subject.getVersion() == null ? name : name + "@" + subject.getVersion();
    }
}
