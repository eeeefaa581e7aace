package dev.herd.portal.audit;

import dev.herd.portal.audit.ExpectedPermissions.Expected;
import java.util.List;

/** A tenant's own expected permissions of configuration files, and the default table they override or extend. */
public record ExpectedConfigFiles(List<Expected> entries, List<Expected> defaults) {}
