package dev.herd.agent.inventory.rpm;

import dev.herd.agent.inventory.InstalledPackage;
import dev.herd.agent.inventory.InventoryException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The rpm database below a root, read through the {@code rpm} binary: its formats vary too much to read directly. */
public final class RpmDatabase {

    private static final List<String> DATABASES = List.of("var/lib/rpm", "usr/lib/sysimage/rpm");

    private RpmDatabase() {}

    public static boolean present(Path root) {
        return DATABASES.stream().anyMatch(db -> Files.isDirectory(root.resolve(db))) && rpmBinary() != null;
    }

    public static List<InstalledPackage> read(Path root) {
        Path rpm = rpmBinary();
        Path origin = Path.of("rpm -qa");
        try {
            Process process = new ProcessBuilder(
                            rpm.toString(),
                            "--root",
                            root.toString(),
                            "-qa",
                            "--queryformat",
                            RpmQueryParser.QUERY_FORMAT)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new InventoryException(origin, 0, "rpm query failed");
            }
            return RpmQueryParser.parse(out, origin);
        } catch (IOException e) {
            throw new InventoryException(origin, "cannot run rpm: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InventoryException(origin, "interrupted", e);
        }
    }

    private static Path rpmBinary() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, "rpm");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
