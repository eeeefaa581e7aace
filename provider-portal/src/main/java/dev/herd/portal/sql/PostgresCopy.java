package dev.herd.portal.sql;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import org.hibernate.Session;
import org.postgresql.PGConnection;

/**
 * Bulk inserts through PostgreSQL's {@code COPY … FROM STDIN} (text format) on the connection of the caller's
 * transaction: an order of magnitude fewer round trips and less parsing than multi-row INSERTs for the thousands of
 * rows one inventory brings. Rows are built with {@link Rows}, which escapes values as the text format requires.
 */
@ApplicationScoped
public class PostgresCopy {

    private final EntityManager entityManager;

    public PostgresCopy(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Copies the rows into {@code table (columns)}; returns how many rows were written. */
    public long into(String table, String columns, Rows rows) {
        if (rows.count == 0) {
            return 0;
        }
        Session session = entityManager.unwrap(Session.class);
        session.flush(); // rows the caller persisted through Hibernate come first
        return session.doReturningWork(connection -> {
            try {
                return connection
                        .unwrap(PGConnection.class)
                        .getCopyAPI()
                        .copyIn("COPY " + table + " (" + columns + ") FROM STDIN", new StringReader(rows.text()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Rows in COPY's text format: values separated by tabs, rows ended by newlines, {@code \N} for null. */
    public static final class Rows {

        private final StringBuilder text = new StringBuilder(64 * 1024);
        private int count;

        /** Adds one row; values are strings, UUIDs, instants, numbers or null. */
        public Rows row(Object... values) {
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    text.append('\t');
                }
                append(values[i]);
            }
            text.append('\n');
            count++;
            return this;
        }

        public int count() {
            return count;
        }

        /** The rows as COPY reads them. */
        String text() {
            return text.toString();
        }

        private void append(Object value) {
            if (value == null) {
                text.append("\\N");
                return;
            }
            String string = value.toString();
            if (!needsEscape(string)) {
                text.append(string);
                return;
            }
            for (int i = 0; i < string.length(); i++) {
                char c = string.charAt(i);
                switch (c) {
                    case '\\' -> text.append("\\\\");
                    case '\t' -> text.append("\\t");
                    case '\n' -> text.append("\\n");
                    case '\r' -> text.append("\\r");
                    default -> text.append(c);
                }
            }
        }

        private static boolean needsEscape(String string) {
            for (int i = 0; i < string.length(); i++) {
                char c = string.charAt(i);
                if (c == '\\' || c == '\t' || c == '\n' || c == '\r') {
                    return true;
                }
            }
            return false;
        }
    }
}
