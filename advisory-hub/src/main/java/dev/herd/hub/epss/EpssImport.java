package dev.herd.hub.epss;

import java.time.LocalDate;

/** The answer to an EPSS import: CVEs scored, what the file said of itself, and the advisories announced again. */
public record EpssImport(int scored, String modelVersion, LocalDate scoreDate, int advisoriesChanged) {}
