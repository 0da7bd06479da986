package io.hindsight.server.queue;

import org.h2.jdbcx.JdbcConnectionPool;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import javax.sql.DataSource;
import java.nio.file.Path;

/** The job database: H2 in a data directory by default, or PostgreSQL given a JDBC URL. */
public final class Databases {
    private Databases() {
    }

    /** @param jdbcUrl a {@code jdbc:postgresql://...} or {@code jdbc:h2:...} URL; null for H2 in {@code dataDir} */
    public static DataSource open(String jdbcUrl, Path dataDir) {
        return open(jdbcUrl, dataDir, null, null);
    }

    /**
     * @param user, password for PostgreSQL, kept out of the URL so that no log line or error message that
     *                      quotes the URL can carry the password; null to use what the URL says
     */
    public static DataSource open(String jdbcUrl, Path dataDir, String user, String password) {
        if (jdbcUrl == null || jdbcUrl.isBlank()) {
            // pooled: opening the H2 file for every request costs tens of milliseconds
            return JdbcConnectionPool.create("jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("hindsight"), "sa", "");
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
        if (jdbcUrl.startsWith("jdbc:h2:")) return JdbcConnectionPool.create(jdbcUrl, "sa", "");
        throw new IllegalArgumentException("unsupported database URL '" + jdbcUrl.replaceAll("password=[^&]*", "password=****")
                + "': use jdbc:postgresql://HOST/DB?user=...&password=... or jdbc:h2:...");
    }
}
