package dev.herd.hub.epss;

import java.math.BigDecimal;

/** One line of the EPSS CSV: a CVE, its probability of exploitation in the next 30 days (0..1) and its percentile. */
public record EpssRow(String cve, BigDecimal epss, BigDecimal percentile) {}
