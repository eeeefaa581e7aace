package dev.herd.hub.source;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.fail;

import dev.herd.hub.verification.OpenPgpTestKey;
import dev.herd.testing.KeycloakTokens;
import dev.herd.testing.SharedData;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/** Builds local CSAF providers for pull tests, and adds and runs sources through the API. */
final class SourceFixtures {

    /** The six real CSAF documents of ../shared/data/csaf. */
    static final List<String> CSAF_DOCUMENTS = List.of(
            "bsi-2022-0001.json",
            "cisco-sa-20180328-smi2.json",
            "rhsa-2019_1862.json",
            "rhsa-2021_5186.json",
            "rhsa-2021_5217.json",
            "rhsa-2022_0011.json");

    private SourceFixtures() {}

    /**
     * A CSAF provider in {@code root}: provider-metadata.json, a ROLIE feed in {@code feeds/} and the documents in
     * {@code docs/2024/}, each with a .sha256 file and a .asc signature by {@code key}. The first three entries link
     * their integrity files, the others leave them to be found beside the document.
     */
    static Path csafProvider(Path root, OpenPgpTestKey key) throws IOException {
        Path docs = Files.createDirectories(root.resolve("docs/2024"));
        Files.createDirectories(root.resolve("feeds"));
        StringBuilder entries = new StringBuilder();
        for (int i = 0; i < CSAF_DOCUMENTS.size(); i++) {
            String name = CSAF_DOCUMENTS.get(i);
            byte[] bytes = Files.readAllBytes(SharedData.file("csaf/" + name));
            Files.write(docs.resolve(name), bytes);
            writeHash(docs.resolve(name), bytes);
            Files.write(docs.resolve(name + ".asc"), OpenPgpTestKey.armored(key.sign(bytes)));
            String href = "../docs/2024/" + name;
            String links = i < 3
                    ? ",{\"rel\":\"hash\",\"href\":\"" + href + ".sha256\"},{\"rel\":\"signature\",\"href\":\"" + href
                            + ".asc\"}"
                    : "";
            entries.append(i == 0 ? "" : ",")
                    .append("{\"id\":\"")
                    .append(name)
                    .append("\",\"link\":[{\"rel\":\"self\",\"href\":\"")
                    .append(href)
                    .append("\"}")
                    .append(links)
                    .append("],\"content\":{\"type\":\"application/json\",\"src\":\"")
                    .append(href)
                    .append("\"}}");
        }
        Files.writeString(
                root.resolve("feeds/feed-tlp-white.json"),
                "{\"feed\":{\"id\":\"test-feed\",\"title\":\"Test feed\",\"entry\":[" + entries + "]}}");
        Path metadata = root.resolve("provider-metadata.json");
        Files.writeString(metadata, """
                {"canonical_url":"https://csaf-demo.example/.well-known/csaf/provider-metadata.json",
                 "distributions":[{"rolie":{"feeds":[{"summary":"all","tlp_label":"WHITE",
                   "url":"feeds/feed-tlp-white.json"}]}}],
                 "last_updated":"2024-01-01T00:00:00Z","metadata_version":"2.0",
                 "publisher":{"category":"vendor","name":"Demo","namespace":"https://csaf-demo.example"},
                 "role":"csaf_trusted_provider"}
                """);
        return metadata;
    }

    static void writeHash(Path document, byte[] bytes) throws IOException {
        Files.writeString(Path.of(document + ".sha256"), sha256(bytes) + "  " + document.getFileName() + "\n");
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void registerKey(String provider, OpenPgpTestKey key) {
        given().auth()
                .oauth2(KeycloakTokens.user("herd-admin"))
                .contentType("application/pgp-keys")
                .body(utf8(key.armoredPublicKey()))
                .post("/api/providers/" + provider + "/keys")
                .then()
                .statusCode(201);
    }

    static long addSource(String provider, String kind, String location) {
        return ((Number) given().auth()
                        .oauth2(KeycloakTokens.user("herd-admin"))
                        .contentType(ContentType.JSON)
                        .body("{\"providerId\":\"" + provider + "\",\"kind\":\"" + kind + "\",\"location\":\""
                                + location.replace("\\", "\\\\") + "\"}")
                        .post("/api/sources")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id"))
                .longValue();
    }

    /** Starts a pull and waits, polling the status view, until it has finished; answers the final status. */
    static JsonPath runAndWait(long id) {
        given().auth()
                .oauth2(KeycloakTokens.user("herd-admin"))
                .post("/api/sources/" + id + "/run")
                .then()
                .statusCode(202);
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            JsonPath status = given().auth()
                    .oauth2(KeycloakTokens.user("herd-admin"))
                    .get("/api/sources/" + id)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            if (!"running".equals(status.getString("state"))) {
                return status;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
        return fail("Source " + id + " still running after 3 minutes; the pull threads:\n" + pullThreads()
                + "\nthe database's sessions:\n" + databaseSessions());
    }

    /** Every session of the test database with what it waits on and who blocks it (the hang in CI waited there). */
    private static String databaseSessions() {
        Config config = ConfigProvider.getConfig();
        StringBuilder dump = new StringBuilder();
        try (Connection connection = DriverManager.getConnection(
                        config.getValue("quarkus.datasource.jdbc.url", String.class),
                        config.getOptionalValue("quarkus.datasource.username", String.class)
                                .orElse(null),
                        config.getOptionalValue("quarkus.datasource.password", String.class)
                                .orElse(null));
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT pid, state, wait_event_type, wait_event, "
                        + "pg_blocking_pids(pid), now() - xact_start, left(query, 300) FROM pg_stat_activity "
                        + "WHERE datname = current_database() AND pid <> pg_backend_pid()")) {
            while (rows.next()) {
                for (int column = 1; column <= 7; column++) {
                    dump.append(column == 1 ? "" : " | ").append(rows.getString(column));
                }
                dump.append('\n');
            }
        } catch (SQLException | RuntimeException e) {
            dump.append("(not read: ").append(e).append(")\n");
        }
        return dump.toString();
    }

    /** What every pull thread is doing: names the cause when a pull hangs (it hung once in CI, not here). */
    private static String pullThreads() {
        StringBuilder dump = new StringBuilder();
        Thread.getAllStackTraces().forEach((thread, stack) -> {
            if (thread.getName().startsWith("herd-pull-")) {
                dump.append(thread.getName())
                        .append(' ')
                        .append(thread.getState())
                        .append('\n');
                for (StackTraceElement frame : stack) {
                    dump.append("    at ").append(frame).append('\n');
                }
            }
        });
        return dump.isEmpty() ? "(none)" : dump.toString();
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
