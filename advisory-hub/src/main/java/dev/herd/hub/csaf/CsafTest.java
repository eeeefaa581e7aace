package dev.herd.hub.csaf;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** One test of CSAF 2.0 section 6, run on a whole document; it adds one failure per offending place. */
public interface CsafTest {

    /** The section number of the test, e.g. {@code 6.1.1}. */
    String id();

    /** The title of the test in the specification, e.g. {@code Missing Definition of Product ID}. */
    String name();

    void check(JsonNode document, List<CsafTestFailure> failures);

    default CsafTestFailure failure(String path, String message) {
        return new CsafTestFailure(id(), name(), path, message);
    }
}
