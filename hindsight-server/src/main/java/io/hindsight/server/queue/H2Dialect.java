package io.hindsight.server.queue;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;

/** H2: its file belongs to one process, so a JVM lock serialises decisions and claims are a compare-and-set. */
final class H2Dialect implements QueueDialect {
    /** Guards the H2 transactions that decide whether a post-mortem has a queued job. */
    private static final Object LOCK = new Object();

    @Override
    public <T> T underPostMortemLock(Transactions tx, String postMortem, JobQueue.Work<T> work) throws SQLException {
        synchronized (LOCK) {
            return tx.run(work);
        }
    }

    /** Picks the oldest ready job, then takes it only if it is still queued; another worker's claim makes this one try the next. */
    @Override
    public Optional<Job> claim(JobQueue queue, String worker, Timestamp now) throws SQLException {
        try (Connection c = queue.connection()) {
            for (int tries = 0; tries < 5; tries++) {
                long id;
                try (PreparedStatement p = c.prepareStatement("SELECT id FROM jobs WHERE status = 'queued' AND run_after <= ? AND " + JobQueue.NOT_BUSY
                        + " ORDER BY run_after, id FETCH FIRST 1 ROWS ONLY")) {
                    p.setTimestamp(1, now);
                    try (ResultSet r = p.executeQuery()) {
                        if (!r.next()) return Optional.empty();
                        id = r.getLong(1);
                    }
                }
                try (PreparedStatement p = c.prepareStatement("UPDATE jobs SET status = 'running', locked_by = ?, locked_at = ?, attempts = attempts + 1, "
                        + "updated_at = ? WHERE id = ? AND status = 'queued'")) {
                    p.setString(1, worker);
                    p.setTimestamp(2, now);
                    p.setTimestamp(3, now);
                    p.setLong(4, id);
                    if (p.executeUpdate() == 1) return queue.job(c, id);
                }
            }
            return Optional.empty();
        }
    }

    /** H2's file is locked by the process that opened it (and an in-memory database lives in one JVM). */
    @Override
    public boolean singleProcess() {
        return true;
    }

    /** One process: there is no other instance to wait for. */
    @Override
    public boolean exclusively(DataSource db, String task, Runnable work) {
        work.run();
        return true;
    }
}
