package dev.herd.hub.advisory;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A way out: a package and the version that fixes it, or a vendor patch id and where to get it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Patch(String ecosystem, String packageName, String fixedVersion, String vendorPatchId, String url) {}
