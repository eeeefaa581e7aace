package dev.herd.hub.provider;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A request to register a provider: its id (the provider_id claim), an optional name and its trust tier. */
public record NewProvider(
        @NotNull
        @Pattern(
                regexp = "^[a-z0-9][a-z0-9-]{1,62}$",
                message = "2-63 lower-case letters, digits and dashes, starting with a letter or digit")
        String id,

        @Size(max = 200) String displayName,
        @NotNull @Min(1) @Max(5) Integer trustTier) {}
