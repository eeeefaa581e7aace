package dev.herd.gateway.admission;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.flywaydb.core.Flyway;

/**
 * Before the gateway starts: its schema migrated and three admissions left by an earlier run (quarantined, held,
 * released), as a restarted gateway finds them. Uses the test database of {@code HERD_TEST_DB_URL}.
 */
public class OpenQuarantinesResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        String url = env("HERD_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:15432/herd_test");
        String user = env("HERD_TEST_DB_USER", "herd");
        String password = env("HERD_TEST_DB_PASSWORD", "herd");
        Flyway.configure()
                .dataSource(url, user, password)
                .schemas("gateway")
                .createSchemas(true)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        try (Connection db = DriverManager.getConnection(url, user, password);
                Statement sql = db.createStatement()) {
            sql.executeUpdate("DELETE FROM gateway.admission");
            sql.executeUpdate("""
                    INSERT INTO gateway.admission
                        (id, tenant_id, mac, ip, hostname, segment, status, requested_at, requested_by,
                         released_at, released_by)
                    VALUES
                      (gen_random_uuid(), 'acme', '52:54:00:00:00:01', '10.20.0.1', 'web-01', 'quarantine',
                       'QUARANTINED', now() - interval '2 hours', 'gateway-acme', NULL, NULL),
                      (gen_random_uuid(), 'globex', '52:54:00:00:00:02', NULL, 'sensor-02', 'quarantine',
                       'HELD', now() - interval '1 hour', 'gateway-globex', NULL, NULL),
                      (gen_random_uuid(), 'acme', '52:54:00:00:00:03', '10.20.0.3', 'db-03', 'quarantine',
                       'RELEASED', now() - interval '3 hours', 'gateway-acme', now(), 'acme-admin')""");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prepare the admissions of an earlier run in " + url, e);
        }
        return Map.of();
    }

    @Override
    public void stop() {}

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
