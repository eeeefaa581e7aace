package dev.herd.agent.inventory.rpm;

import dev.herd.agent.inventory.InstalledPackage;
import dev.herd.agent.inventory.InventoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Parses the output of {@code rpm -qa --queryformat} with {@link #QUERY_FORMAT}: one tab-separated line each. */
public final class RpmQueryParser {

    public static final String QUERY_FORMAT =
            "%{NAME}\\t%{EPOCH}\\t%{VERSION}\\t%{RELEASE}\\t%{ARCH}\\t%{SOURCERPM}\\n";

    private RpmQueryParser() {}

    public static List<InstalledPackage> parse(String output, Path origin) {
        List<InstalledPackage> packages = new ArrayList<>();
        int number = 0;
        for (String line : output.split("\n", -1)) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length != 6) {
                throw new InventoryException(origin, number, "expected 6 tab-separated fields, found " + f.length);
            }
            if (f[0].isBlank() || f[2].isBlank()) {
                throw new InventoryException(origin, number, "a package without a name or a version");
            }
            String version = evr(f[1], f[2], f[3]);
            String arch = f[4].equals("(none)") ? "noarch" : f[4];
            packages.add(fromSourceRpm(f[0], version, arch, f[1], f[5]));
        }
        return packages;
    }

    private static InstalledPackage fromSourceRpm(String name, String version, String arch, String epoch, String srpm) {
        // The source rpm's file name is NAME-VERSION-RELEASE.src.rpm; gpg-pubkey "packages" have none.
        String base = srpm.replaceFirst("\\.(no)?src\\.rpm$", "");
        int release = base.lastIndexOf('-');
        int ver = release > 0 ? base.lastIndexOf('-', release - 1) : -1;
        // A name that does not split into NAME-VERSION-RELEASE with none of them empty tells nothing either.
        if (srpm.equals("(none)") || ver <= 0 || release == ver + 1 || release == base.length() - 1) {
            return new InstalledPackage(name, version, arch, name, version, "rpm");
        }
        String sourceVersion = evr(epoch, base.substring(ver + 1, release), base.substring(release + 1));
        return new InstalledPackage(name, version, arch, base.substring(0, ver), sourceVersion, "rpm");
    }

    private static String evr(String epoch, String version, String release) {
        String vr = release.isEmpty() || release.equals("(none)") ? version : version + "-" + release;
        return epoch.isEmpty() || epoch.equals("(none)") ? vr : epoch + ":" + vr;
    }
}
