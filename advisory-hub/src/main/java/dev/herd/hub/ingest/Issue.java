package dev.herd.hub.ingest;

/** One error or warning about a submitted document: a stable code and a message for people. */
public record Issue(String code, String message) {}
