package dev.herd.hub.csaf;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * CSAF 2.0 6.1.10: the properties of a CVSS object (its {@code version} and each metric such as {@code attackVector})
 * agree with its {@code vectorString}. A metric the vector omits counts as "not defined".
 */
final class InconsistentCvss implements CsafTest {

    @Override
    public String id() {
        return "6.1.10";
    }

    @Override
    public String name() {
        return "Inconsistent CVSS";
    }

    @Override
    public void check(JsonNode document, List<CsafTestFailure> failures) {
        for (LocatedNode cvss : CvssVector.objectsIn(document)) {
            Optional<CvssVector> parsed =
                    CvssVector.parse(cvss.at("vectorString").text());
            if (parsed.isEmpty()) {
                continue;
            }
            CvssVector vector = parsed.get();
            LocatedNode version = cvss.at("version");
            if (version.text() != null && !version.text().equals(vector.version())) {
                failures.add(failure(
                        version.path(),
                        "version is " + version.text() + " but the vector is CVSS " + vector.version() + "."));
                continue;
            }
            for (CvssMetricNames.Metric metric : CvssMetricNames.of(vector.version())) {
                LocatedNode property = cvss.at(metric.property());
                String value = vector.metric(metric.key(), metric.notDefined());
                String expected = value == null ? null : metric.values().get(value);
                if (property.text() != null
                        && expected != null
                        && !property.text().equals(expected)) {
                    failures.add(failure(
                            property.path(),
                            metric.property() + " is " + property.text() + " but the vector says " + metric.key() + ":"
                                    + value + " (" + expected + ")."));
                }
            }
        }
    }
}
