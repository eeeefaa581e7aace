package dev.herd.agent.report;

import dev.herd.agent.antivirus.Antivirus;
import dev.herd.agent.antivirus.AntivirusCollector;
import dev.herd.agent.antivirus.AntivirusDetection;
import dev.herd.agent.audit.AuditCollector;
import dev.herd.agent.audit.ConfigFileCollector;
import dev.herd.agent.files.FileHasher;
import dev.herd.agent.hardware.HardwareCollector;
import dev.herd.agent.inventory.InstalledPackage;
import dev.herd.agent.inventory.PackageInventory;
import dev.herd.agent.network.InterfaceCollector;
import dev.herd.agent.network.ListeningCollector;
import dev.herd.agent.process.SystemProcessRunner;
import dev.herd.agent.system.OsCollector;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Runs every collector against one root and assembles the report. */
public final class ReportCollector {

    private ReportCollector() {}

    public static MachineReport collect(Path root, List<String> watched, Clock clock) {
        return collect(root, watched, List.of(), clock);
    }

    /**
     * @param avLogs ClamAV logs to read detections from (absolute paths on the machine); empty for the default log
     */
    public static MachineReport collect(Path root, List<String> watched, List<String> avLogs, Clock clock) {
        List<InstalledPackage> packages = PackageInventory.collect(root);
        // Programs are asked only about this machine itself, never about a folder standing in for one.
        boolean thisMachine = root.toAbsolutePath().normalize().equals(Path.of("/"));
        return new MachineReport(
                clock.instant().toString(),
                OsCollector.collect(root, packages),
                InterfaceCollector.collect(root),
                packages,
                ListeningCollector.collect(root),
                HardwareCollector.collect(root),
                FileHasher.hash(root, watched),
                AuditCollector.privilegedLogins(root),
                ConfigFileCollector.collect(root),
                AntivirusCollector.collect(
                        root,
                        packages,
                        avLogs,
                        thisMachine ? Optional.of(new SystemProcessRunner(Duration.ofSeconds(30))) : Optional.empty(),
                        ZoneId.systemDefault()));
    }

    /** The report with {@code found} added to the detections of its anti-virus part. */
    public static MachineReport withDetections(MachineReport report, List<AntivirusDetection> found) {
        if (found.isEmpty()) {
            return report;
        }
        List<AntivirusDetection> detections = new ArrayList<>(report.antivirus().detections());
        detections.addAll(found);
        return new MachineReport(
                report.collectedAt(),
                report.os(),
                report.interfaces(),
                report.packages(),
                report.listening(),
                report.hardware(),
                report.watchedFiles(),
                report.privilegedLogins(),
                report.networkConfigChanges(),
                new Antivirus(report.antivirus().products(), detections));
    }
}
