package io.hindsight.server.queue;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Locale;
import java.util.Optional;

/**
 * What the job queue does differently on each database: how a post-mortem's decisions are serialised,
 * how a worker claims a job without another taking it too, and how one instance among several runs a
 * task alone. H2 belongs to one process, so a JVM lock serves; PostgreSQL may be shared by instances,
 * so it takes advisory locks and {@code FOR UPDATE SKIP LOCKED}.
 */
interface QueueDialect {
    /** Runs work in a transaction. */
    interface Transactions {
        <T> T run(JobQueue.Work<T> work) throws SQLException;
    }

    /** Runs {@code work} in a transaction that holds the post-mortem's lock. */
    <T> T underPostMortemLock(Transactions tx, String postMortem, JobQueue.Work<T> work) throws SQLException;

    /** Claims the oldest ready job whose post-mortem is not being synced, if any. */
    Optional<Job> claim(JobQueue queue, String worker, Timestamp now) throws SQLException;

    /** Whether only one process can use the store at a time (an H2 file), so every running job at start is abandoned. */
    boolean singleProcess();

    /** Runs {@code work} unless another instance is running {@code task}; whether it ran. */
    boolean exclusively(DataSource db, String task, Runnable work) throws SQLException;

    static QueueDialect of(DataSource db) {
        try (Connection c = db.getConnection()) {
            return c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres") ? new PostgresDialect() : new H2Dialect();
        } catch (SQLException e) {
            throw new QueueException("cannot reach the job database: " + e.getMessage(), e);
        }
    }
}
