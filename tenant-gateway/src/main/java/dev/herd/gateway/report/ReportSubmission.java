package dev.herd.gateway.report;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * What an agent posts to {@code /agent/reports}: its next {@code sequence}, the {@code kind} ({@code FULL} or
 * {@code DELTA}), the machine {@code report} as {@code customer-agent collect --print} prints it and, for a delta, the
 * package changes since the previous report. Only the fields the gateway reads are typed; the rest is kept as sent.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReportSubmission(Long sequence, String kind, Report report, Delta delta) {

    /** The machine report; every field but these stays opaque to the gateway. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Report(Os os, List<Package> packages, List<Listening> listening, List<Interface> interfaces) {}

    /** A network interface and its addresses. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Interface(String name, List<String> ipv4, List<String> ipv6) {}

    /** The operating system part of the report. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Os(String id, String versionId, String architecture, String hostname) {}

    /** An installed package. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Package(String name, String version, String architecture, String sourceName, String sourceVersion) {}

    /** A listening socket. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Listening(String protocol, String address, Integer port) {}

    /** Package changes since the previous report. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Delta(List<Package> added, List<Package> removed, List<Package> changed) {}
}
