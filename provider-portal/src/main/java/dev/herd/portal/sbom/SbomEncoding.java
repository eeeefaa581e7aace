package dev.herd.portal.sbom;

import jakarta.ws.rs.core.MediaType;
import java.util.Locale;

/** How an SBOM document is written, chosen by the request's Content-Type: JSON, XML (CycloneDX) or SPDX tag-value. */
public enum SbomEncoding {
    JSON,
    XML,
    TAG_VALUE;

    /** The encoding of a request body of this media type; JSON when none is named. */
    public static SbomEncoding of(MediaType type) {
        if (type == null) {
            return JSON;
        }
        String subtype = type.getSubtype().toLowerCase(Locale.ROOT);
        if (subtype.equals("xml") || subtype.endsWith("+xml")) {
            return XML;
        }
        if (type.getType().equalsIgnoreCase("text") && subtype.equals("spdx")) {
            return TAG_VALUE;
        }
        return JSON;
    }
}
