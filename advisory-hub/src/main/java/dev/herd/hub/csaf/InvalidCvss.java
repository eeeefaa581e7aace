package dev.herd.hub.csaf;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import java.util.List;

/**
 * CSAF 2.0 6.1.8: every CVSS object is valid against the FIRST schema of its version ({@code cvss_v2} against
 * CVSS v2.0, {@code cvss_v3} against CVSS v3.0 or v3.1 as its {@code version} says).
 */
final class InvalidCvss implements CsafTest {

    private final Schema cvssV2;
    private final Schema cvssV30;
    private final Schema cvssV31;

    InvalidCvss() {
        SchemaRegistry registry = CsafSchemas.registry();
        this.cvssV2 = CsafSchemas.load(registry, CsafSchemas.CVSS_V2);
        this.cvssV30 = CsafSchemas.load(registry, CsafSchemas.CVSS_V30);
        this.cvssV31 = CsafSchemas.load(registry, CsafSchemas.CVSS_V31);
    }

    @Override
    public String id() {
        return "6.1.8";
    }

    @Override
    public String name() {
        return "Invalid CVSS";
    }

    @Override
    public void check(JsonNode document, List<CsafTestFailure> failures) {
        for (LocatedNode cvss : CvssVector.objectsIn(document)) {
            Schema schema = schemaFor(cvss);
            if (schema == null) {
                failures.add(failure(
                        cvss.at("version").path(),
                        "A cvss_v3 object must have version 3.0 or 3.1, not "
                                + cvss.at("version").node() + "."));
                continue;
            }
            for (SchemaViolation violation : CsafSchemas.validate(schema, cvss.node(), cvss.path())) {
                failures.add(failure(violation.path(), violation.message()));
            }
        }
    }

    private Schema schemaFor(LocatedNode cvss) {
        if (cvss.path().endsWith("/cvss_v2")) {
            return cvssV2;
        }
        String version = cvss.at("version").text();
        if ("3.0".equals(version)) {
            return cvssV30;
        }
        return "3.1".equals(version) ? cvssV31 : null;
    }
}
