package io.hindsight.server.queue;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;

/** PostgreSQL, which several instances may share: advisory locks and {@code FOR UPDATE SKIP LOCKED}. */
final class PostgresDialect implements QueueDialect {
    /** Advisory-lock key spaces of ours (the first half of PostgreSQL's two-int keys): one per post-mortem, one for claiming, one per task. */
    private static final int POST_MORTEM_LOCKS = 0x48530001;
    private static final int CLAIM_LOCK = 0x48530002;
    private static final int TASK_LOCKS = 0x48530003;

    /** A transaction-scoped advisory lock, which works across instances. */
    @Override
    public <T> T underPostMortemLock(Transactions tx, String postMortem, JobQueue.Work<T> work) throws SQLException {
        return tx.run(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT pg_advisory_xact_lock(?, hashtext(?))")) {
                p.setInt(1, POST_MORTEM_LOCKS);
                p.setString(2, postMortem);
                p.execute();
            }
            return work.run(c);
        });
    }

    /**
     * One statement; rows other workers have locked are skipped, not waited for. Claims are serialised by
     * an advisory lock so the busy check sees every claim committed before it: without it two workers
     * could each take a different job of one post-mortem in the same instant.
     */
    @Override
    public Optional<Job> claim(JobQueue queue, String worker, Timestamp now) throws SQLException {
        String sql = "UPDATE jobs SET status = 'running', locked_by = ?, locked_at = ?, attempts = attempts + 1, updated_at = ? "
                + "WHERE id = (SELECT id FROM jobs WHERE status = 'queued' AND run_after <= ? AND " + JobQueue.NOT_BUSY
                + " ORDER BY run_after, id FOR UPDATE SKIP LOCKED LIMIT 1) RETURNING id, post_mortem, status, attempts, run_after, last_error";
        return queue.transaction(c -> {
            try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?, 0)")) {
                lock.setInt(1, CLAIM_LOCK);
                lock.execute();
            }
            try (PreparedStatement p = c.prepareStatement(sql)) {
                p.setString(1, worker);
                p.setTimestamp(2, now);
                p.setTimestamp(3, now);
                p.setTimestamp(4, now);
                try (ResultSet r = p.executeQuery()) {
                    return r.next() ? Optional.of(JobQueue.row(r)) : Optional.<Job>empty();
                }
            }
        });
    }

    /** Several instances may share the database. */
    @Override
    public boolean singleProcess() {
        return false;
    }

    /** A session-level advisory lock, held on one pooled connection for the length of the work. */
    @Override
    public boolean exclusively(DataSource db, String task, Runnable work) throws SQLException {
        try (Connection c = db.getConnection()) {
            if (!advisory(c, "SELECT pg_try_advisory_lock(?, hashtext(?))", task)) return false;
            try {
                work.run();
                return true;
            } finally {
                advisory(c, "SELECT pg_advisory_unlock(?, hashtext(?))", task);
            }
        }
    }

    private static boolean advisory(Connection c, String sql, String task) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setInt(1, TASK_LOCKS);
            p.setString(2, task);
            try (ResultSet r = p.executeQuery()) {
                return r.next() && r.getBoolean(1);
            }
        }
    }
}
