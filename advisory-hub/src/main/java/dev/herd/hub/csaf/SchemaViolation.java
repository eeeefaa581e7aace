package dev.herd.hub.csaf;

/** One place where a document does not match a JSON schema: a JSON pointer into the document and what is wrong. */
public record SchemaViolation(String path, String message) {}
