package dev.herd.hub.csaf;

/**
 * One failed test of CSAF 2.0 section 6: which test, where in the document (a JSON pointer) and why.
 *
 * <p>Optional tests (section 6.2) report their warnings in the same shape.
 */
public record CsafTestFailure(String testId, String testName, String path, String message) {}
