package dev.herd.hub.advisory;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.util.List;

/** A version range as OSV defines it: a type (ECOSYSTEM, SEMVER, GIT) and ordered events. */
public record VersionRange(
        @NotBlank String type, @NotEmpty @Valid List<RangeEvent> events) {

    public VersionRange {
        events = events == null ? List.of() : List.copyOf(events);
    }
}
