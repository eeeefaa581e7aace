package dev.herd.hub.advisory;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/**
 * What one provider's document says about one vulnerability, in Herd's canonical shape (DESIGN §3.1). Every input
 * format is translated into statements; an advisory is resolved from the statements of all its providers. This is
 * also Herd's own JSON input format (marked by {@code "format": "herd-advisory/1"}).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record AdvisoryStatement(
        @NotBlank @Size(max = 200) String documentId,
        List<@NotBlank @Size(max = 200) String> aliases,
        @Size(max = TITLE_MAX) String title,
        String description,
        @Valid CvssRating cvss,
        @Valid List<AffectedPackage> affected,
        @Valid List<Patch> patches,
        @Valid List<Mitigation> mitigations,
        List<String> references,
        boolean knownExploited,
        Instant published,
        @NotNull Instant modified,
        boolean withdrawn) {

    /** Longest title kept; a translated document's longer summary or first line is cut to it. */
    public static final int TITLE_MAX = 1000;

    /** Value of the {@code format} marker of Herd's own JSON documents. */
    public static final String FORMAT_MARKER = "herd-advisory/1";

    /** {@code text} cut to {@link #TITLE_MAX} characters, for titles taken from another format's free text. */
    public static String title(String text) {
        return text == null || text.length() <= TITLE_MAX ? text : text.substring(0, TITLE_MAX - 1) + "…";
    }

    public AdvisoryStatement {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        affected = affected == null ? List.of() : List.copyOf(affected);
        patches = patches == null ? List.of() : List.copyOf(patches);
        mitigations = mitigations == null ? List.of() : List.copyOf(mitigations);
        references = references == null ? List.of() : List.copyOf(references);
    }
}
