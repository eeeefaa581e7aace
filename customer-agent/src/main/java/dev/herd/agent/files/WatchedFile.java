package dev.herd.agent.files;

/** A watched file: its SHA-256 when readable, otherwise {@code missing} or {@code unreadable} as its status. */
public record WatchedFile(String path, String status, String sha256) {}
