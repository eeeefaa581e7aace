package dev.herd.portal.audit;

import dev.herd.portal.audit.ExpectedPermissions.Expected;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** What a tenant admin sends: the tenant's own expected permissions, at most 100, each overriding its path's default. */
public record ExpectedEntries(@NotNull @Size(max = 100) List<@Valid @NotNull Expected> entries) {}
