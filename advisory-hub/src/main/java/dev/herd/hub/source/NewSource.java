package dev.herd.hub.source;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A request to add a pull source. {@code kind} is one of {@link SourceKind}; {@code location} an http(s) URL, a
 * {@code file:} URL or an absolute local path; {@code intervalMinutes} defaults to 60.
 */
public record NewSource(
        @NotBlank String providerId,
        @NotBlank String kind,
        @NotBlank @Size(max = 2000) String location,
        @Min(1) @Max(525600) Integer intervalMinutes) {}
