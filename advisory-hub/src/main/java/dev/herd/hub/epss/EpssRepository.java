package dev.herd.hub.epss;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.hibernate.Session;

/**
 * EPSS scores in PostgreSQL. A file is loaded into a transaction-local table in batches, then merged into
 * {@code epss_score} and onto the advisories at once, so a bad line found late leaves nothing behind.
 */
@ApplicationScoped
public class EpssRepository {

    private final EntityManager entities;

    public EpssRepository(EntityManager entities) {
        this.entities = entities;
    }

    /** Creates the load table of this transaction; it is dropped at commit or rollback. */
    public void startLoad() {
        entities.unwrap(Session.class).doWork(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TEMP TABLE epss_load (cve VARCHAR(30) PRIMARY KEY, "
                        + "epss NUMERIC(6, 5) NOT NULL, percentile NUMERIC(6, 5) NOT NULL) ON COMMIT DROP");
            }
        });
    }

    /** Adds a batch of rows to the load table; a CVE the file names twice keeps its first row. */
    public void load(List<EpssRow> rows) {
        entities.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO epss_load (cve, epss, percentile) "
                    + "SELECT * FROM unnest(?::varchar[], ?::numeric[], ?::numeric[]) ON CONFLICT (cve) DO NOTHING")) {
                insert.setArray(
                        1,
                        array(
                                connection,
                                "varchar",
                                rows.stream().map(EpssRow::cve).toArray()));
                insert.setArray(
                        2,
                        array(
                                connection,
                                "numeric",
                                rows.stream().map(EpssRow::epss).toArray()));
                insert.setArray(
                        3,
                        array(
                                connection,
                                "numeric",
                                rows.stream().map(EpssRow::percentile).toArray()));
                insert.executeUpdate();
            }
        });
    }

    /** Stores the loaded scores over the earlier ones; answers how many CVEs the file scored. */
    public int storeLoaded(EpssFileHeader header, Instant now) {
        return entities.createNativeQuery("INSERT INTO epss_score "
                        + "(cve, epss, percentile, score_date, model_version, loaded_at) "
                        + "SELECT cve, epss, percentile, CAST(:date AS date), CAST(:model AS varchar), :now "
                        + "FROM epss_load ON CONFLICT (cve) DO UPDATE SET epss = excluded.epss, "
                        + "percentile = excluded.percentile, score_date = excluded.score_date, "
                        + "model_version = excluded.model_version, loaded_at = excluded.loaded_at")
                .setParameter("date", header.scoreDate() == null ? null : Date.valueOf(header.scoreDate()))
                .setParameter("model", header.modelVersion())
                .setParameter("now", Timestamp.from(now))
                .executeUpdate();
    }

    /**
     * Sets on every advisory known by a CVE of the loaded file the highest score among its CVEs (with that CVE's
     * percentile), and answers the ids of the advisories (not withdrawn) whose score or percentile changed.
     */
    @SuppressWarnings("unchecked")
    public List<String> rescoreAdvisories(Instant now) {
        return entities.createNativeQuery("WITH touched AS ("
                        + "SELECT DISTINCT a.advisory_id FROM advisory_alias a JOIN epss_load l ON l.cve = a.alias), "
                        + "best AS (SELECT DISTINCT ON (a.advisory_id) a.advisory_id, s.epss, s.percentile "
                        + "FROM advisory_alias a JOIN epss_score s ON s.cve = a.alias "
                        + "WHERE a.advisory_id IN (SELECT advisory_id FROM touched) "
                        + "ORDER BY a.advisory_id, s.epss DESC, s.percentile DESC) "
                        + "UPDATE advisory v SET epss = best.epss, epss_percentile = best.percentile, "
                        + "updated_at = :now FROM best WHERE v.id = best.advisory_id AND v.withdrawn_at IS NULL "
                        + "AND (v.epss IS DISTINCT FROM best.epss OR v.epss_percentile IS DISTINCT FROM best.percentile) "
                        + "RETURNING v.id")
                .setParameter("now", Timestamp.from(now))
                .getResultList();
    }

    /** The stored score of one CVE, if any: {@code [epss, percentile]}. */
    public List<BigDecimal> score(String cve) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entities.createNativeQuery("SELECT epss, percentile FROM epss_score WHERE cve = :cve")
                .setParameter("cve", cve)
                .getResultList();
        return rows.isEmpty() ? List.of() : List.of((BigDecimal) rows.get(0)[0], (BigDecimal) rows.get(0)[1]);
    }

    private static Array array(Connection connection, String type, Object[] values) throws SQLException {
        return connection.createArrayOf(type, values);
    }
}
