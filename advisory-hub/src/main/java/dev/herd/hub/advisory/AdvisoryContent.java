package dev.herd.hub.advisory;

import java.util.List;

/** The detail of an advisory kept as one JSON document: every id it is known by, what it affects, how to fix it. */
public record AdvisoryContent(
        List<String> aliases,
        List<AffectedPackage> affected,
        List<Patch> patches,
        List<Mitigation> mitigations,
        List<String> references) {

    public AdvisoryContent {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        affected = affected == null ? List.of() : List.copyOf(affected);
        patches = patches == null ? List.of() : List.copyOf(patches);
        mitigations = mitigations == null ? List.of() : List.copyOf(mitigations);
        references = references == null ? List.of() : List.copyOf(references);
    }
}
