package dev.herd.agent.inventory;

import dev.herd.agent.inventory.apk.ApkInstalledParser;
import dev.herd.agent.inventory.dpkg.DpkgStatusParser;
import dev.herd.agent.inventory.rpm.RpmDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Every package database found below a root (dpkg, rpm, apk), merged and sorted by manager, name, architecture. */
public final class PackageInventory {

    private PackageInventory() {}

    public static List<InstalledPackage> collect(Path root) {
        List<InstalledPackage> all = new ArrayList<>();
        Path dpkg = root.resolve(DpkgStatusParser.STATUS_FILE);
        if (Files.isRegularFile(dpkg)) {
            all.addAll(DpkgStatusParser.parse(dpkg));
        }
        Path apk = root.resolve(ApkInstalledParser.INSTALLED_FILE);
        if (Files.isRegularFile(apk)) {
            all.addAll(ApkInstalledParser.parse(apk));
        }
        if (RpmDatabase.present(root)) {
            all.addAll(RpmDatabase.read(root));
        }
        all.sort(Comparator.comparing(InstalledPackage::manager)
                .thenComparing(InstalledPackage::name)
                .thenComparing(InstalledPackage::architecture));
        return all;
    }
}
