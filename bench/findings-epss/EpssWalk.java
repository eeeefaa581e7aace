import java.math.BigDecimal;
import java.sql.*;
import java.util.*;

/**
 * Walks a tenant's open findings in EPSS order, 100 a page, with the SQL of the portal's FindingEpssRepository and
 * FindingRepository.byIds (one connection, statements prepared as pgjdbc does, so PostgreSQL may use generic plans
 * after five runs), times each page, prints the pages above 50 ms, and checks the walk against one full ORDER BY.
 * {@code java -cp postgresql.jar EpssWalk.java JDBC-URL TENANT SIZE}; run.sh sets it up.
 */
public class EpssWalk {
    record P(BigDecimal epss, long id) {}
    static final Comparator<P> ORDER = Comparator.comparing(P::epss, Comparator.nullsLast(Comparator.<BigDecimal>reverseOrder())).thenComparingLong(P::id);
    static final String WHERE = " WHERE f.tenant_id = ? AND f.closed_at IS NULL";
    static Connection c; static String tenant;

    public static void main(String[] a) throws Exception {
        c = DriverManager.getConnection(a[0], "postgres", "");
        tenant = a[1]; int size = Integer.parseInt(a[2]);
        List<Long> all = new ArrayList<>(); List<Double> ms = new ArrayList<>();
        for (int w = 0; w < 10; w++) views(page(null, false, size + 1)); // warm-up: JIT, connection, plan cache
        P after = null; boolean started = false; int pages = 0;
        while (true) {
            long t0 = System.nanoTime();
            List<P> pos = page(after, started, size + 1);
            List<P> shown = pos.subList(0, Math.min(size, pos.size()));
            views(shown);
            double took = (System.nanoTime() - t0) / 1e6; ms.add(took); pages++;
            if (took > 50) System.out.printf("slow page %d at %s: %.1f ms%n", pages, after, took);
            shown.forEach(p -> all.add(p.id()));
            if (pos.size() <= size) break;
            after = shown.getLast(); started = true;
        }
        List<Long> expected = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT f.id FROM finding f LEFT JOIN advisory a ON a.id = f.advisory_id" + WHERE + " ORDER BY a.epss DESC NULLS LAST, f.id")) {
            s.setString(1, tenant); ResultSet r = s.executeQuery(); while (r.next()) expected.add(r.getLong(1));
        }
        List<Double> sorted = new ArrayList<>(ms);
        Collections.sort(sorted);
        double walkMs = 0;
        for (double m : ms) {
            walkMs += m;
        }
        System.out.printf("%s: %d findings in %d pages of %d; same order as one full ORDER BY: %s%n",
                tenant, all.size(), pages, size, all.equals(expected));
        System.out.printf("page ms: first %.1f, p50 %.1f, p95 %.1f, p99 %.1f, max %.1f, last %.1f, whole walk %.1f s%n",
                ms.get(0), percentile(sorted, 0.50), percentile(sorted, 0.95), percentile(sorted, 0.99),
                sorted.getLast(), ms.getLast(), walkMs / 1000);
    }

    static List<P> page(P after, boolean started, int limit) throws SQLException {
        List<P> page = new ArrayList<>();
        boolean unscored = started && after.epss() == null;
        if (started) page.addAll(oneScore(after.epss(), after.id(), limit));
        if (!unscored && page.size() < limit) page.addAll(lower(started ? after.epss() : null, limit - page.size()));
        if (!unscored && page.size() < limit && anyUnscored()) page.addAll(oneScore(null, 0, limit - page.size()));
        return page;
    }

    static List<P> lower(BigDecimal below, int limit) throws SQLException {
        PreparedStatement s = c.prepareStatement("SELECT a.epss, f.id FROM advisory a JOIN finding f ON f.advisory_id = a.id" + WHERE
                + (below == null ? " AND a.epss IS NOT NULL" : " AND a.epss < ?") + " ORDER BY a.epss DESC NULLS LAST LIMIT ?");
        int i = 1; s.setString(i++, tenant); if (below != null) s.setBigDecimal(i++, below); s.setInt(i, limit);
        List<P> walked = read(s);
        if (walked.size() < limit) { walked.sort(ORDER); return walked; }
        BigDecimal last = walked.getLast().epss();
        List<P> page = new ArrayList<>(walked.stream().filter(p -> p.epss().compareTo(last) > 0).sorted(ORDER).toList());
        page.addAll(oneScore(last, 0, limit - page.size()));
        return page;
    }

    static List<P> oneScore(BigDecimal epss, long afterId, int limit) throws SQLException {
        PreparedStatement s = c.prepareStatement("SELECT a.epss, f.id FROM finding f JOIN advisory a ON a.id = f.advisory_id" + WHERE
                + (epss == null ? " AND a.epss IS NULL" : " AND a.epss = " + epss.toPlainString()) + " AND f.id > ? ORDER BY f.tenant_id, f.id LIMIT ?");
        s.setString(1, tenant); s.setLong(2, afterId); s.setInt(3, limit);
        return read(s);
    }

    static boolean anyUnscored() throws SQLException {
        PreparedStatement s = c.prepareStatement("SELECT EXISTS (SELECT 1 FROM advisory a WHERE a.epss IS NULL AND EXISTS (SELECT 1 FROM finding f WHERE f.advisory_id = a.id AND f.tenant_id = ?))");
        s.setString(1, tenant); ResultSet r = s.executeQuery(); r.next(); return r.getBoolean(1);
    }

    static void views(List<P> shown) throws SQLException {
        if (shown.isEmpty()) return;
        PreparedStatement s = c.prepareStatement("WITH page AS MATERIALIZED (SELECT f.* FROM finding f WHERE f.tenant_id = ? AND f.id = ANY (?)) "
                + "SELECT f.id, m.name, m.id AS machine_id, f.advisory_id, CAST(a.aliases AS text), f.source_document, f.package_name, f.installed, f.fixed, f.action, f.state, f.opened_at, "
                + "f.updated_at, f.closed_at, a.epss, a.epss_percentile, f.sbom_id, s.application FROM page f LEFT JOIN sbom s ON s.id = f.sbom_id "
                + "LEFT JOIN machine m ON m.id = COALESCE(f.machine_id, s.machine_id) LEFT JOIN advisory a ON a.id = f.advisory_id ORDER BY f.id");
        s.setString(1, tenant); s.setArray(2, c.createArrayOf("bigint", shown.stream().map(P::id).toArray()));
        ResultSet r = s.executeQuery(); while (r.next()) { r.getString(5); }
    }

    static List<P> read(PreparedStatement s) throws SQLException {
        List<P> out = new ArrayList<>(); ResultSet r = s.executeQuery();
        while (r.next()) out.add(new P(r.getBigDecimal(1), r.getLong(2)));
        s.close(); return out;
    }

    /** The page time at fraction {@code p} of the sorted times (index {@code size * p}, rounded down). */
    private static double percentile(List<Double> sorted, double p) {
        return sorted.get((int) (sorted.size() * p));
    }
}
