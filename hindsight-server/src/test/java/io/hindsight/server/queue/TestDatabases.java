package io.hindsight.server.queue;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.Assume;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The databases the queue tests run on: H2 always; PostgreSQL when {@code HINDSIGHT_TEST_POSTGRES_URL}
 * names one (CI starts one and must run these tests; elsewhere they skip, saying so).
 */
final class TestDatabases {
    private static final AtomicInteger H2 = new AtomicInteger();
    private static final java.util.Map<String, DataSource> POSTGRES = new java.util.concurrent.ConcurrentHashMap<>();

    private TestDatabases() {
    }

    static List<Object[]> kinds() {
        return List.of(new Object[]{"h2"}, new Object[]{"postgresql"});
    }

    /** A fresh, empty database of that kind. */
    static DataSource fresh(String kind) {
        if (kind.equals("h2")) {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL("jdbc:h2:mem:queue" + H2.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
            return h2;
        }
        String url = System.getenv("HINDSIGHT_TEST_POSTGRES_URL");
        String message = "PostgreSQL queue tests skipped: set HINDSIGHT_TEST_POSTGRES_URL (e.g. jdbc:postgresql://127.0.0.1/hindsight_test?user=...&password=...)";
        if ((url == null || url.isBlank()) && "true".equals(System.getenv("CI"))) throw new AssertionError(message.replace("skipped", "must run in CI"));
        Assume.assumeTrue(message, url != null && !url.isBlank());
        // one pool for the whole run, as the service has one
        DataSource pg = POSTGRES.computeIfAbsent(url, u -> Databases.open(u, null));
        try (Connection c = pg.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS jobs, deliveries, flyway_schema_history CASCADE");
        } catch (SQLException e) {
            throw new AssertionError("cannot reset the PostgreSQL test database: " + e.getMessage(), e);
        }
        return pg;
    }
}
