package dev.herd.agent.inventory.dpkg;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.herd.agent.inventory.InstalledPackage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DpkgMatchesDpkgQueryTest {

    private static final Path STATUS = Path.of("/", DpkgStatusParser.STATUS_FILE);

    @Test
    void collectorOnThisMachineEqualsDpkgQuery() throws Exception {
        assumeTrue(Files.isRegularFile(STATUS), "not a dpkg system");

        Set<String> ours = DpkgStatusParser.parse(STATUS).stream()
                .map(DpkgMatchesDpkgQueryTest::row)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> dpkg = dpkgQuery();

        Set<String> onlyOurs = new TreeSet<>(ours);
        onlyOurs.removeAll(dpkg);
        Set<String> onlyDpkg = new TreeSet<>(dpkg);
        onlyDpkg.removeAll(ours);
        assertTrue(
                onlyOurs.isEmpty() && onlyDpkg.isEmpty() && !ours.isEmpty(),
                "collector has " + ours.size() + " packages, dpkg-query " + dpkg.size() + "\nonly in collector: "
                        + onlyOurs + "\nonly in dpkg-query: " + onlyDpkg);
    }

    private static String row(InstalledPackage p) {
        return String.join("\t", p.name(), p.version(), p.architecture(), p.sourceName(), p.sourceVersion());
    }

    /**
     * {@code dpkg-query -W} lists every package dpkg knows except those in state not-installed, so it also lists
     * config-files, half-installed and unpacked ones. The collector reports only packages whose files are installed
     * (state {@code installed}, whatever the want flag, so held packages count); the query prints the state and
     * keeps exactly those rows, which is the same selection.
     */
    private static Set<String> dpkgQuery() throws IOException, InterruptedException {
        Process query = new ProcessBuilder(
                        "dpkg-query",
                        "-W",
                        "-f=${db:Status-Status}\\t${Package}\\t${Version}\\t${Architecture}"
                                + "\\t${source:Package}\\t${source:Version}\\n")
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String out = new String(query.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(query.waitFor() == 0, "dpkg-query failed");
        return out.lines()
                .filter(line -> line.startsWith("installed\t"))
                .map(line -> line.substring("installed\t".length()))
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
