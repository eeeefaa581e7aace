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
    public record Report(
            Os os,
            List<Package> packages,
            List<Listening> listening,
            List<Interface> interfaces,
            Hardware hardware,
            List<WatchedFile> watchedFiles,
            Antivirus antivirus,
            List<PrivilegedLogin> privilegedLogins,
            List<ConfigFile> networkConfigChanges) {}

    /**
     * A sudo or su use, or an sshd log-in (tool {@code sshd}): tool, user, as whom, when (ISO-8601 instant), the log
     * line and, for a log-in, the address it came from.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PrivilegedLogin(String tool, String user, String target, String at, String line, String from) {}

    /** A network configuration file: octal mode, owner, group, content and inode change times (ISO-8601 instants). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ConfigFile(String path, String mode, String owner, String group, String modified, String changed) {}

    /** A network interface, its MAC address and its addresses (with prefix lengths). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Interface(String name, String mac, List<String> ipv4, List<String> ipv6) {}

    /** The hardware configuration: storage, network adapters and whether USB mass storage is attached. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Hardware(
            List<BlockDevice> blockDevices, List<NetworkAdapter> networkAdapters, Boolean usbMassStorage) {}

    /** A block device; {@code usbMassStorage} when it is a USB disk or stick. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record BlockDevice(String name, Long sizeBytes, Boolean removable, Boolean usb, Boolean usbMassStorage) {}

    /** A physical network adapter and its kernel driver. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record NetworkAdapter(String name, String driver, Boolean usb) {}

    /** A watched file: {@code status} {@code ok} with its SHA-256, or why it has none ({@code missing} …). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record WatchedFile(String path, String status, String sha256) {}

    /** The anti-virus products installed and what they found. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Antivirus(List<AntivirusProduct> products, List<Detection> detections) {}

    /** An anti-virus product with its engine and pattern versions. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AntivirusProduct(String name, String version, String patternVersion) {}

    /** One anti-virus finding. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Detection(String product, String signature, String path, String sha256, String detectedAt) {}

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
