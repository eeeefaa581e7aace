package dev.herd.agent.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herd.agent.AgentCommand;
import dev.herd.agent.FixtureRoot;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CollectCommandTest {

    @TempDir
    Path root;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = new CommandLine(new AgentCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void printWritesJsonWithThePackagesOfTheFixture() throws Exception {
        FixtureRoot.build(root);

        assertEquals(0, run("collect", "--print", "--root", root.toString()));

        JsonNode report = new ObjectMapper().readTree(out.toString());
        JsonNode packages = report.get("packages");
        assertTrue(packages.isArray(), out.toString());
        assertEquals(2, packages.size());
        JsonNode libc = packages.get(1);
        assertEquals("libc6", libc.get("name").asText());
        assertEquals("2.36-9+deb12u4", libc.get("version").asText());
        assertEquals("arm64", libc.get("architecture").asText());
        assertEquals("glibc", libc.get("sourceName").asText());
        assertEquals("2.36-9+deb12u4", libc.get("sourceVersion").asText());
    }

    @Test
    void osComesFromTheRootAndArchitectureFromDpkg() throws Exception {
        FixtureRoot.build(root);
        run("collect", "--print", "--root", root.toString());

        JsonNode os = new ObjectMapper().readTree(out.toString()).get("os");
        assertEquals("debian", os.get("id").asText());
        assertEquals("12", os.get("versionId").asText());
        assertEquals("bookworm", os.get("versionCodename").asText());
        assertEquals("arm64", os.get("architecture").asText());
        assertEquals("fixture-host", os.get("hostname").asText());
        assertEquals("6.1.0-18-amd64", os.get("kernelRelease").asText());
    }

    @Test
    void corruptStatusFileExitsTwoWithFileAndLineOnStderr() throws Exception {
        Path status = root.resolve("var/lib/dpkg/status");
        Files.createDirectories(status.getParent());
        Files.writeString(status, "Package: bash\nStatus: install ok installed\nVersion 5.2\n");

        assertEquals(2, run("collect", "--print", "--root", root.toString()));

        assertEquals("", out.toString());
        assertEquals(
                "customer-agent: " + status + ":3: expected 'Field: value', found 'Version 5.2'\n", err.toString());
    }

    @Test
    void watchedFilesAreHashedAndMissingOnesReported() throws Exception {
        FixtureRoot.build(root);
        run("collect", "--print", "--root", root.toString(), "--watch", "/etc/hosts", "--watch", "/etc/shadow-x");

        JsonNode watched = new ObjectMapper().readTree(out.toString()).get("watchedFiles");
        // sha256 of "127.0.0.1 localhost\n"
        assertEquals(
                "081ef9d5367595d16e30b4b4549d9f43537320508b4ce0788963e10e4f808857",
                watched.get(0).get("sha256").asText());
        assertEquals("missing", watched.get(1).get("status").asText());
    }

    @Test
    void rootThatIsNotAFolderIsRefused() {
        assertEquals(
                2, run("collect", "--print", "--root", root.resolve("nowhere").toString()));
        assertEquals("customer-agent: --root " + root.resolve("nowhere") + " is not a folder\n", err.toString());
    }
}
