package io.hindsight.server.queue;

import org.h2.jdbcx.JdbcConnectionPool;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The job database: H2 in a data directory by default, or PostgreSQL given a JDBC URL. */
public final class Databases {
    /** The H2 database's name in the data directory; H2 adds ".mv.db" to the file. */
    private static final String H2_NAME = "hindsight";

    private Databases() {
    }

    /** @param jdbcUrl a {@code jdbc:postgresql://...} or {@code jdbc:h2:...} URL; null for H2 in {@code dataDir} */
    public static DataSource open(String jdbcUrl, Path dataDir) {
        return open(jdbcUrl, dataDir, null, null);
    }

    /** The H2 file the service keeps its jobs in under {@code dataDir}. */
    public static Path h2File(Path dataDir) {
        return dataDir.resolve(H2_NAME + ".mv.db");
    }

    /**
     * @param user, password for PostgreSQL, kept out of the URL so that no log line or error message that
     *                      quotes the URL can carry the password; null to use what the URL says
     */
    public static DataSource open(String jdbcUrl, Path dataDir, String user, String password) {
        if (jdbcUrl == null || jdbcUrl.isBlank()) {
            // pooled: opening the H2 file for every request costs tens of milliseconds
            return JdbcConnectionPool.create(h2("jdbc:h2:file:" + dataDir.toAbsolutePath().resolve(H2_NAME)), "sa", "");
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            HikariConfig pool = new HikariConfig();
            pool.setJdbcUrl(jdbcUrl);
            if (user != null) pool.setUsername(user);
            if (password != null) pool.setPassword(password);
            pool.setPoolName("hindsight-jobs");
            // the webhook threads, the worker and the background jobs; PostgreSQL's default limit is 100 for all clients
            pool.setMaximumPoolSize(8);
            pool.setMinimumIdle(1);
            // start even when PostgreSQL is down for a moment; /readyz says so until it is back
            pool.setInitializationFailTimeout(-1);
            pool.setConnectionTimeout(10_000);
            return new HikariDataSource(pool);
        }
        if (jdbcUrl.startsWith("jdbc:h2:")) return JdbcConnectionPool.create(h2(jdbcUrl), "sa", "");
        throw new IllegalArgumentException("unsupported database URL '" + jdbcUrl.replaceAll("password=[^&]*", "password=****")
                + "': use jdbc:postgresql://HOST/DB?user=...&password=... or jdbc:h2:...");
    }

    /**
     * The service closes its H2 database itself, after the workers have recorded the outcome of the jobs in
     * hand: H2's own shutdown hook would close it first, and a job finished during a graceful stop would stay
     * "running" ("Database is already closed").
     * <p>
     * Every commit is written to the file before it returns ({@code WRITE_DELAY=0}): H2 otherwise holds commits
     * in memory for up to 500 ms, and a process killed in that time (SIGKILL, the OOM killer) loses jobs whose
     * webhooks were already answered 202. The cost is one file write per commit.
     */
    private static String h2(String url) {
        String upper = url.toUpperCase(Locale.ROOT);
        String out = upper.contains("DB_CLOSE_ON_EXIT") ? url : url + ";DB_CLOSE_ON_EXIT=FALSE";
        return upper.contains("WRITE_DELAY") || upper.startsWith("JDBC:H2:MEM:") ? out : out + ";WRITE_DELAY=0";
    }

    /** Whether {@code dataDir} holds a job database (the H2 file 'hindsight serve' creates there). */
    public static boolean h2Exists(Path dataDir) {
        return Files.isRegularFile(h2File(dataDir));
    }

    /**
     * Closes a database {@link #open} opened: PostgreSQL's pool, or H2's pool, whose last connection closing
     * closes the database (written to disk, its file unlocked). Anything else is left alone.
     */
    public static void close(DataSource db) {
        if (db instanceof HikariDataSource pool) pool.close();
        else if (db instanceof JdbcConnectionPool pool) pool.dispose();
    }
}
