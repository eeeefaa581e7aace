package dev.herd.hub.source;

/** An error or warning of a pull, with the location (file or URL) it concerns. */
public record PullNote(String location, String code, String message) {}
