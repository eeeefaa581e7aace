package dev.herd.hub.epss;

import java.time.LocalDate;

/** What the EPSS file's first comment line says of itself: the model and the day scored (either may be absent). */
public record EpssFileHeader(String modelVersion, LocalDate scoreDate) {}
