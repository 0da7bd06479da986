package io.hindsight.server.queue;

import org.flywaydb.core.Flyway;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Durable, at-least-once sync jobs in a SQL database (H2 by default), schema by Flyway. A job is
 * claimed with a compare-and-set on its status, so two workers never run the same job at once; events
 * for a post-mortem that already has a queued job join that job instead of adding another.
 */
public final class JobQueue {
    /** Outcome of recording a webhook delivery. */
    public enum Accepted { QUEUED, JOINED, DUPLICATE }

    private final DataSource db;
    private final Clock clock;
    private final int maxAttempts;
    private final boolean postgres;

    public JobQueue(DataSource db, Clock clock, int maxAttempts) {
        this.db = db;
        this.clock = clock;
        this.maxAttempts = maxAttempts;
        Flyway.configure().dataSource(db).locations("classpath:db/migration").load().migrate();
        try (Connection c = db.getConnection()) {
            this.postgres = c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
        } catch (SQLException e) {
            throw new QueueException("cannot reach the job database: " + e.getMessage(), e);
        }
    }

    /**
     * Records a delivery and queues a sync of its post-mortem, in one transaction: a re-delivery with
     * the same identifier changes nothing.
     */
    public Accepted accept(String identifier, String event, String issueKey, String postMortem) {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                Timestamp now = Timestamp.from(clock.instant());
                if (exists(c, "SELECT 1 FROM deliveries WHERE identifier = ?", identifier)) {
                    c.rollback();
                    return Accepted.DUPLICATE;
                }
                Long job = queuedJob(c, postMortem);
                Accepted result = Accepted.JOINED;
                if (job == null) {
                    try (PreparedStatement p = c.prepareStatement("INSERT INTO jobs (post_mortem, status, attempts, run_after, created_at, updated_at) "
                            + "VALUES (?, 'queued', 0, ?, ?, ?)", new String[]{"id"})) {
                        p.setString(1, postMortem);
                        p.setTimestamp(2, now);
                        p.setTimestamp(3, now);
                        p.setTimestamp(4, now);
                        p.executeUpdate();
                        try (ResultSet keys = p.getGeneratedKeys()) {
                            keys.next();
                            job = keys.getLong(1);
                        }
                    }
                    result = Accepted.QUEUED;
                }
                try (PreparedStatement p = c.prepareStatement("INSERT INTO deliveries (identifier, event, issue_key, job_id, received_at) VALUES (?, ?, ?, ?, ?)")) {
                    p.setString(1, identifier);
                    p.setString(2, event);
                    p.setString(3, issueKey);
                    p.setLong(4, job);
                    p.setTimestamp(5, now);
                    p.executeUpdate();
                }
                c.commit();
                return result;
            } catch (SQLException e) {
                c.rollback();
                // two deliveries with one identifier at the same moment: the primary key lets one through
                if (e.getSQLState() != null && e.getSQLState().startsWith("23")) return Accepted.DUPLICATE;
                throw e;
            }
        } catch (SQLException e) {
            throw new QueueException("cannot store the webhook delivery " + identifier + ": " + e.getMessage(), e);
        }
    }

    private static Long queuedJob(Connection c, String postMortem) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT id FROM jobs WHERE post_mortem = ? AND status = 'queued' ORDER BY id")) {
            p.setString(1, postMortem);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? r.getLong(1) : null;
            }
        }
    }

    private static boolean exists(Connection c, String sql, String value) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setString(1, value);
            try (ResultSet r = p.executeQuery()) {
                return r.next();
            }
        }
    }

    /**
     * A post-mortem's job waits while another sync of the same post-mortem runs: two syncs at once could
     * both find an action without a ticket and both create one.
     */
    private static final String NOT_BUSY = "NOT EXISTS (SELECT 1 FROM jobs busy WHERE busy.post_mortem = jobs.post_mortem AND busy.status = 'running')";

    /** Claims the oldest ready job, if any; a job another worker claimed first is skipped. */
    public Optional<Job> claim(String worker) {
        return postgres ? claimSkipLocked(worker) : claimCompareAndSet(worker);
    }

    /** PostgreSQL: one statement; rows other workers have locked are skipped, not waited for. */
    private Optional<Job> claimSkipLocked(String worker) {
        String sql = "UPDATE jobs SET status = 'running', locked_by = ?, locked_at = ?, attempts = attempts + 1, updated_at = ? "
                + "WHERE id = (SELECT id FROM jobs WHERE status = 'queued' AND run_after <= ? AND " + NOT_BUSY + " ORDER BY run_after, id FOR UPDATE SKIP LOCKED LIMIT 1) "
                + "RETURNING id, post_mortem, status, attempts, run_after, last_error";
        try (Connection c = db.getConnection(); PreparedStatement p = c.prepareStatement(sql)) {
            Timestamp now = Timestamp.from(clock.instant());
            p.setString(1, worker);
            p.setTimestamp(2, now);
            p.setTimestamp(3, now);
            p.setTimestamp(4, now);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? Optional.of(row(r)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new QueueException("cannot claim a job: " + e.getMessage(), e);
        }
    }

    /** H2: pick the oldest ready job, then take it only if it is still queued; another worker's claim makes this one try the next. */
    private Optional<Job> claimCompareAndSet(String worker) {
        try (Connection c = db.getConnection()) {
            Timestamp now = Timestamp.from(clock.instant());
            for (int tries = 0; tries < 5; tries++) {
                Long id;
                try (PreparedStatement p = c.prepareStatement("SELECT id FROM jobs WHERE status = 'queued' AND run_after <= ? AND " + NOT_BUSY + " ORDER BY run_after, id FETCH FIRST 1 ROWS ONLY")) {
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
                    if (p.executeUpdate() == 1) return job(c, id);
                }
            }
            return Optional.empty();
        } catch (SQLException e) {
            throw new QueueException("cannot claim a job: " + e.getMessage(), e);
        }
    }

    public void done(long id) {
        update("UPDATE jobs SET status = 'done', locked_by = NULL, last_error = NULL, updated_at = ? WHERE id = ?", id, clock.instant());
    }

    /** A failed attempt: retried after a growing backoff, or dead after the last attempt. */
    public Job.Status failed(long id, int attempts, String error) {
        boolean dead = attempts >= maxAttempts;
        Instant retryAt = clock.instant().plus(Duration.ofSeconds((long) Math.min(3600, 5 * Math.pow(3, attempts - 1))));
        try (Connection c = db.getConnection();
             PreparedStatement p = c.prepareStatement("UPDATE jobs SET status = ?, run_after = ?, last_error = ?, locked_by = NULL, updated_at = ? WHERE id = ?")) {
            p.setString(1, dead ? "dead" : "queued");
            p.setTimestamp(2, Timestamp.from(retryAt));
            p.setString(3, error == null ? null : error.substring(0, Math.min(3900, error.length())));
            p.setTimestamp(4, Timestamp.from(clock.instant()));
            p.setLong(5, id);
            p.executeUpdate();
            return dead ? Job.Status.DEAD : Job.Status.QUEUED;
        } catch (SQLException e) {
            throw new QueueException("cannot record the failure of job " + id + ": " + e.getMessage(), e);
        }
    }

    /** Puts a job the worker was running back in the queue, as it was (a graceful shutdown). */
    public void release(long id) {
        update("UPDATE jobs SET status = 'queued', attempts = attempts - 1, locked_by = NULL, updated_at = ? WHERE id = ? AND status = 'running'", id, clock.instant());
    }

    /** Dead jobs, for an operator to read and replay. */
    public List<Job> dead() {
        return list("SELECT id, post_mortem, status, attempts, run_after, last_error FROM jobs WHERE status = 'dead' ORDER BY id");
    }

    public void replay(long id) {
        update("UPDATE jobs SET status = 'queued', attempts = 0, run_after = ?, updated_at = ? WHERE id = ? AND status = 'dead'", id, clock.instant());
    }

    /** How many jobs are in each status, every status present; counted in the database, since done jobs pile up. */
    public java.util.Map<Job.Status, Long> counts() {
        java.util.Map<Job.Status, Long> counts = new java.util.EnumMap<>(Job.Status.class);
        for (Job.Status s : Job.Status.values()) counts.put(s, 0L);
        try (Connection c = db.getConnection(); PreparedStatement p = c.prepareStatement("SELECT status, COUNT(*) FROM jobs GROUP BY status");
             ResultSet r = p.executeQuery()) {
            while (r.next()) counts.put(Job.Status.valueOf(r.getString(1).toUpperCase(java.util.Locale.ROOT)), r.getLong(2));
        } catch (SQLException e) {
            throw new QueueException("cannot count jobs: " + e.getMessage(), e);
        }
        return counts;
    }

    public List<Job> all() {
        return list("SELECT id, post_mortem, status, attempts, run_after, last_error FROM jobs ORDER BY id");
    }

    private void update(String sql, long id, Instant now) {
        try (Connection c = db.getConnection(); PreparedStatement p = c.prepareStatement(sql)) {
            Timestamp t = Timestamp.from(now);
            int i = 1;
            if (sql.contains("run_after = ?")) p.setTimestamp(i++, t);
            p.setTimestamp(i++, t);
            p.setLong(i, id);
            p.executeUpdate();
        } catch (SQLException e) {
            throw new QueueException("cannot update job " + id + ": " + e.getMessage(), e);
        }
    }

    private Optional<Job> job(Connection c, long id) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT id, post_mortem, status, attempts, run_after, last_error FROM jobs WHERE id = ?")) {
            p.setLong(1, id);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? Optional.of(row(r)) : Optional.empty();
            }
        }
    }

    private List<Job> list(String sql) {
        try (Connection c = db.getConnection(); PreparedStatement p = c.prepareStatement(sql); ResultSet r = p.executeQuery()) {
            List<Job> out = new ArrayList<>();
            while (r.next()) out.add(row(r));
            return out;
        } catch (SQLException e) {
            throw new QueueException("cannot read jobs: " + e.getMessage(), e);
        }
    }

    private static Job row(ResultSet r) throws SQLException {
        return new Job(r.getLong(1), r.getString(2), Job.Status.valueOf(r.getString(3).toUpperCase(java.util.Locale.ROOT)), r.getInt(4),
                r.getTimestamp(5).toInstant(), r.getString(6));
    }
}
