package dev.herd.hub.source;

/** What a pull source points at, and so how the hub reads it. */
public enum SourceKind {
    /** A CSAF provider-metadata.json whose ROLIE feeds list the documents. */
    CSAF_PROVIDER_METADATA,
    /** A folder of OSV records ({@code *.json}, each one record or an array), or a {@code .zip} of them. */
    OSV_FOLDER,
    /** One CISA Known Exploited Vulnerabilities catalogue. */
    KEV_FILE,
    /** FIRST.org's daily EPSS CSV ({@code epss_scores-YYYY-MM-DD.csv.gz}, or plain): scores, not statements. */
    EPSS_FILE
}
