package dev.herd.agent.report;

import dev.herd.agent.audit.AuditCollector;
import dev.herd.agent.files.FileHasher;
import dev.herd.agent.hardware.HardwareCollector;
import dev.herd.agent.inventory.InstalledPackage;
import dev.herd.agent.inventory.PackageInventory;
import dev.herd.agent.network.InterfaceCollector;
import dev.herd.agent.network.ListeningCollector;
import dev.herd.agent.system.OsCollector;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/** Runs every collector against one root and assembles the report. */
public final class ReportCollector {

    private ReportCollector() {}

    public static MachineReport collect(Path root, List<String> watched, Clock clock) {
        List<InstalledPackage> packages = PackageInventory.collect(root);
        return new MachineReport(
                clock.instant().toString(),
                OsCollector.collect(root, packages),
                InterfaceCollector.collect(root),
                packages,
                ListeningCollector.collect(root),
                HardwareCollector.collect(root),
                FileHasher.hash(root, watched),
                AuditCollector.privilegedLogins(root),
                AuditCollector.networkConfigChanges(root));
    }
}
