package dev.herd.hub.advisory;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** One event of a version range: exactly one of introduced, fixed, last_affected or limit is set. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RangeEvent(
        String introduced,
        String fixed,
        @JsonProperty("last_affected") String lastAffected,
        String limit) {}
