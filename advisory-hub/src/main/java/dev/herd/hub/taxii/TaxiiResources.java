package dev.herd.hub.taxii;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The TAXII 2.1 resources the hub answers with (TAXII 2.1 §4.1, §4.2, §5.1-§5.8), as the OpenAPI document describes
 * them; the resources write them as JSON trees, field for field.
 */
final class TaxiiResources {

    private TaxiiResources() {}

    /** The discovery resource (§4.1.1). */
    @Schema(name = "TaxiiDiscovery")
    record Discovery(
            String title,
            String description,
            @JsonProperty("default") String defaultRoot,
            @JsonProperty("api_roots") List<String> apiRoots) {}

    /** The API root resource (§4.2.1). */
    @Schema(name = "TaxiiApiRoot")
    record ApiRoot(
            String title,
            String description,
            List<String> versions,
            @JsonProperty("max_content_length") long maxContentLength) {}

    /** A collection resource (§5.2.1). */
    @Schema(name = "TaxiiCollection")
    record Collection(
            String id,
            String title,
            String description,
            String alias,
            @JsonProperty("can_read") boolean canRead,
            @JsonProperty("can_write") boolean canWrite,
            @JsonProperty("media_types") List<String> mediaTypes) {}

    /** The collections resource (§5.1.1). */
    @Schema(name = "TaxiiCollections")
    record Collections(List<Collection> collections) {}

    /** An envelope of STIX 2.1 objects (§3.7); {@code next} pages on when {@code more} is true. */
    @Schema(name = "TaxiiEnvelope")
    record Envelope(
            boolean more,
            String next,

            @Schema(description = "STIX 2.1 objects (indicators and their relationships)")
            List<Map<String, Object>> objects) {}

    /** One entry of a manifest (§5.3.1). */
    @Schema(name = "TaxiiManifestRecord")
    record ManifestRecord(
            String id,
            @JsonProperty("date_added") String dateAdded,
            String version,
            @JsonProperty("media_type") String mediaType) {}

    /** The manifest resource (§5.3.1). */
    @Schema(name = "TaxiiManifest")
    record Manifest(boolean more, String next, List<ManifestRecord> objects) {}

    /** The versions resource (§5.8.1). */
    @Schema(name = "TaxiiVersions")
    record Versions(boolean more, String next, List<String> versions) {}
}
