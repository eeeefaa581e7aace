package dev.herd.portal.tenant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A request to register a tenant: its slug (the future tenant_id claim) and a name for people. */
public record NewTenant(
        @NotNull
        @Pattern(
                regexp = "^[a-z0-9][a-z0-9-]{1,62}$",
                message = "2-63 lower-case letters, digits and dashes, starting with a letter or digit")
        String id,

        @NotBlank @Size(max = 200) String displayName) {}
