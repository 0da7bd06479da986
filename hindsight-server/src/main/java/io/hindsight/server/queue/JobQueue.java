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
import java.util.Map;
import java.util.Optional;

/**
 * Durable, at-least-once sync jobs in a SQL database (H2 by default), schema by Flyway. A job is
 * claimed with a compare-and-set on its status (PostgreSQL: {@code FOR UPDATE SKIP LOCKED}), so two workers
 * never run the same job at once; events for a post-mortem that already has a queued job join that job
 * instead of adding another, and a post-mortem's job waits while another of its jobs runs.
 */
public final class JobQueue implements AutoCloseable {
    /** Outcome of recording a webhook delivery. */
    public enum Accepted { QUEUED, JOINED, DUPLICATE }

    private final DataSource db;
    private final Clock clock;
    private final int maxAttempts;
    private final QueueDialect dialect;
    /** Whether closing the queue closes the database: only for one it was handed to own ({@link #owning}). */
    private final boolean owned;

    public JobQueue(DataSource db, Clock clock, int maxAttempts) {
        this(db, clock, maxAttempts, false);
    }

    /**
     * A queue over a database opened for it ({@link Databases#open}): closing the queue closes the database.
     * The service closes it after its workers have recorded their last outcomes, which is why H2's own
     * close-on-exit is turned off.
     */
    public static JobQueue owning(DataSource db, Clock clock, int maxAttempts) {
        return new JobQueue(db, clock, maxAttempts, true);
    }

    private JobQueue(DataSource db, Clock clock, int maxAttempts, boolean owned) {
        this.owned = owned;
        this.db = db;
        this.clock = clock;
        this.maxAttempts = maxAttempts;
        Flyway.configure().dataSource(db).locations("classpath:db/migration").load().migrate();
        this.dialect = QueueDialect.of(db);
    }

    /** Closes the database when the queue owns it; a queue over a database handed in leaves it open. */
    @Override
    public void close() {
        if (owned) Databases.close(db);
    }

    /**
     * Records a delivery and queues a sync of its post-mortem, in one transaction: a re-delivery with
     * the same identifier changes nothing.
     */
    public Accepted accept(String identifier, String event, String issueKey, String postMortem) {
        try {
            return inTransaction(postMortem, c -> {
                if (exists(c, "SELECT 1 FROM deliveries WHERE identifier = ?", identifier)) return Accepted.DUPLICATE;
                Requested job = queueOrJoin(c, postMortem);
                try (PreparedStatement p = c.prepareStatement("INSERT INTO deliveries (identifier, event, issue_key, job_id, received_at) VALUES (?, ?, ?, ?, ?)")) {
                    p.setString(1, identifier);
                    p.setString(2, event);
                    p.setString(3, issueKey);
                    p.setLong(4, job.jobId());
                    p.setTimestamp(5, Timestamp.from(clock.instant()));
                    p.executeUpdate();
                }
                return job.joined() ? Accepted.JOINED : Accepted.QUEUED;
            });
        } catch (SQLException e) {
            // two deliveries with one identifier at the same moment: the primary key lets one through
            if (e.getSQLState() != null && e.getSQLState().startsWith("23")) return Accepted.DUPLICATE;
            throw new QueueException("cannot store the webhook delivery " + identifier + ": " + e.getMessage(), e);
        }
    }

    /** A sync asked for by a person (API or CLI), not by a webhook. */
    public record Requested(long jobId, boolean joined) {
    }

    /** Queues a sync of a post-mortem, or joins the one already queued for it. */
    public Requested request(String postMortem) {
        try {
            return inTransaction(postMortem, c -> queueOrJoin(c, postMortem));
        } catch (SQLException e) {
            throw new QueueException("cannot queue a sync of " + postMortem + ": " + e.getMessage(), e);
        }
    }

    private Requested queueOrJoin(Connection c, String postMortem) throws SQLException {
        Long queued = queuedJob(c, postMortem, -1);
        if (queued != null) return new Requested(queued, true);
        Timestamp now = Timestamp.from(clock.instant());
        try (PreparedStatement p = c.prepareStatement("INSERT INTO jobs (post_mortem, status, attempts, run_after, created_at, updated_at) "
                + "VALUES (?, 'queued', 0, ?, ?, ?)", new String[]{"id"})) {
            p.setString(1, postMortem);
            p.setTimestamp(2, now);
            p.setTimestamp(3, now);
            p.setTimestamp(4, now);
            p.executeUpdate();
            try (ResultSet keys = p.getGeneratedKeys()) {
                keys.next();
                return new Requested(keys.getLong(1), false);
            }
        }
    }

    /** What runs inside a transaction. */
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /**
     * Runs {@code work} in a transaction that holds the post-mortem's lock, so two deliveries for one
     * post-mortem arriving at the same moment cannot both find no queued job and queue two. PostgreSQL:
     * a transaction-scoped advisory lock, which works across instances.
     */
    private <T> T inTransaction(String postMortem, Work<T> work) throws SQLException {
        return dialect.underPostMortemLock(this::transaction, postMortem, work);
    }

    Connection connection() throws SQLException {
        return db.getConnection();
    }

    /** Runs {@code work} in one transaction, rolled back when it throws. */
    <T> T transaction(Work<T> work) throws SQLException {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    /** The queued job of a post-mortem other than {@code except}, if any. */
    private static Long queuedJob(Connection c, String postMortem, long except) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT id FROM jobs WHERE post_mortem = ? AND status = 'queued' AND id <> ? ORDER BY id")) {
            p.setString(1, postMortem);
            p.setLong(2, except);
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
    static final String NOT_BUSY = "NOT EXISTS (SELECT 1 FROM jobs busy WHERE busy.post_mortem = jobs.post_mortem AND busy.status = 'running')";

    /** Claims the oldest ready job, if any; a job another worker claimed first is skipped. */
    public Optional<Job> claim(String worker) {
        try {
            return dialect.claim(this, worker, Timestamp.from(clock.instant()));
        } catch (SQLException e) {
            throw new QueueException("cannot claim a job: " + e.getMessage(), e);
        }
    }

    /** Records a finished job, whoever holds it (for tools and tests; workers use {@link #done(long, String)}). */
    public void done(long id) {
        done(id, null);
    }

    /**
     * Records a finished job; when {@code worker} is given, only if that worker still holds it. A worker whose
     * lease ran out (it missed its heartbeats and another worker took the job over) must not mark the other's
     * run done.
     *
     * @return whether the job was marked done
     */
    public boolean done(long id, String worker) {
        try (Connection c = db.getConnection();
             PreparedStatement p = c.prepareStatement("UPDATE jobs SET status = 'done', locked_by = NULL, last_error = NULL, updated_at = ? WHERE id = ?"
                     + (worker == null ? "" : " AND status = 'running' AND locked_by = ?"))) {
            p.setTimestamp(1, Timestamp.from(clock.instant()));
            p.setLong(2, id);
            if (worker != null) p.setString(3, worker);
            return p.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new QueueException("cannot mark job " + id + " done: " + e.getMessage(), e);
        }
    }

    /**
     * Renews a running job's lease: while its worker heartbeats, no other worker takes it over, however long
     * the sync takes.
     *
     * @return false when {@code worker} no longer holds the job (its lease ran out and another worker took it)
     */
    public boolean heartbeat(long id, String worker) {
        try (Connection c = db.getConnection();
             PreparedStatement p = c.prepareStatement("UPDATE jobs SET locked_at = ? WHERE id = ? AND status = 'running' AND locked_by = ?")) {
            p.setTimestamp(1, Timestamp.from(clock.instant()));
            p.setLong(2, id);
            p.setString(3, worker);
            return p.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new QueueException("cannot renew the lease of job " + id + ": " + e.getMessage(), e);
        }
    }

    /**
     * A failed attempt: retried after a growing backoff, or dead after the last attempt. A job that would
     * be retried while a newer job of its post-mortem waits is superseded instead: that job syncs the
     * whole post-mortem anyway, and two queued jobs of one post-mortem could run at once.
     */
    public Job.Status failed(long id, int attempts, String error) {
        return failed(id, null, attempts, error);
    }

    /**
     * {@link #failed(long, int, String)} for the worker that ran the attempt: nothing is recorded when it no
     * longer holds the job.
     *
     * @return the job's new status, or null when {@code worker} no longer held it
     */
    public Job.Status failed(long id, String worker, int attempts, String error) {
        boolean dead = attempts >= maxAttempts;
        Instant retryAt = clock.instant().plus(Duration.ofSeconds((long) Math.min(3600, 5 * Math.pow(3, attempts - 1))));
        try {
            return requeue(id, dead ? Job.Status.DEAD : Job.Status.QUEUED, retryAt, clip(error), "status = 'running'", "attempts", heldBy(worker));
        } catch (SQLException e) {
            throw new QueueException("cannot record the failure of job " + id + ": " + e.getMessage(), e);
        }
    }

    /**
     * A job that must not run before {@code notBefore} (an earlier create got no answer and may still land): queued
     * again for then, its attempt given back. Bounded without a count: a sync is only deferred inside a window an
     * attempt that did count opened, so a job cannot wait for ever.
     *
     * @return the job's new status (QUEUED, or SUPERSEDED by a newer job of its post-mortem), or null when {@code worker} no longer held it
     */
    public Job.Status deferred(long id, String worker, Instant notBefore, String why) {
        try {
            return requeue(id, Job.Status.QUEUED, notBefore, clip(why), "status = 'running'", "attempts - 1", heldBy(worker));
        } catch (SQLException e) {
            throw new QueueException("cannot defer job " + id + ": " + e.getMessage(), e);
        }
    }

    /**
     * A job that no retry can make succeed (the issue is no post-mortem): left in the dead-letter list at once with
     * the reason, rather than retried with backoff until its attempts run out.
     *
     * @return DEAD, or null when {@code worker} no longer held it
     */
    public Job.Status refused(long id, String worker, String why) {
        try {
            return requeue(id, Job.Status.DEAD, null, clip(why), "status = 'running'", "attempts", heldBy(worker));
        } catch (SQLException e) {
            throw new QueueException("cannot record the refusal of job " + id + ": " + e.getMessage(), e);
        }
    }

    /** The last_error column holds 4000 characters; a longer message keeps its start, which says what happened. */
    private static String clip(String error) {
        return error == null ? null : error.substring(0, Math.min(3900, error.length()));
    }

    /** Puts a job the worker was running back in the queue, as it was (a graceful shutdown). */
    public void release(long id) {
        release(id, null);
    }

    /** {@link #release(long)}, only while {@code worker} (when given) still holds the job. */
    public void release(long id, String worker) {
        try {
            requeue(id, Job.Status.QUEUED, null, null, "status = 'running'", "attempts - 1", heldBy(worker));
        } catch (SQLException e) {
            throw new QueueException("cannot release job " + id + ": " + e.getMessage(), e);
        }
    }

    /**
     * Puts back jobs whose worker vanished (killed, or its machine lost) while running them: a job
     * running longer than {@code lease} is queued again (or superseded), so neither it nor the other
     * jobs of its post-mortem wait for ever. A sync takes seconds; the lease is minutes.
     *
     * @return how many jobs were put back
     */
    public int recoverStale(Duration lease) {
        Timestamp before = Timestamp.from(clock.instant().minus(lease));
        return putBack("SELECT id, attempts FROM jobs WHERE status = 'running' AND locked_at < ? ORDER BY id", before,
                "its worker stopped answering while running it", new Guard("locked_at < ?", before));
    }

    /**
     * Puts back the running jobs {@code select} finds (id, attempts; one optional timestamp parameter), each
     * only while it still meets {@code guard}. The attempt the vanished worker made counts: a job that kills
     * its worker every time must end dead, not loop.
     */
    private int putBack(String select, Timestamp parameter, String why, Guard guard) {
        Map<Long, Integer> running = new java.util.LinkedHashMap<>();
        try (Connection c = db.getConnection(); PreparedStatement p = c.prepareStatement(select)) {
            if (parameter != null) p.setTimestamp(1, parameter);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) running.put(r.getLong(1), r.getInt(2));
            }
        } catch (SQLException e) {
            throw new QueueException("cannot look for abandoned jobs: " + e.getMessage(), e);
        }
        int recovered = 0;
        for (Map.Entry<Long, Integer> e : running.entrySet()) {
            long id = e.getKey();
            try {
                Job.Status to = e.getValue() >= maxAttempts ? Job.Status.DEAD : Job.Status.QUEUED;
                if (requeue(id, to, null, why, "status = 'running'", "attempts", guard) != null) recovered++;
            } catch (SQLException x) {
                throw new QueueException("cannot put back job " + id + ": " + x.getMessage(), x);
            }
        }
        return recovered;
    }

    /**
     * Runs {@code work} unless another instance sharing this database is running the same task: several
     * 'serve' instances on one PostgreSQL then sweep reminders one at a time, not all at once. A
     * session-level advisory lock, held on one pooled connection for the length of the work. H2 belongs
     * to one process, so there it always runs.
     *
     * @return whether the work ran
     */
    public boolean exclusively(String task, Runnable work) {
        try {
            return dialect.exclusively(db, task, work);
        } catch (SQLException e) {
            throw new QueueException("cannot take the lock for " + task + ": " + e.getMessage(), e);
        }
    }

    /** Dead jobs, for an operator to read and replay. */
    public List<Job> dead() {
        return list("SELECT id, post_mortem, status, attempts, run_after, last_error FROM jobs WHERE status = 'dead' ORDER BY id");
    }

    /**
     * Queues a dead job again with fresh attempts. Says what became of it: QUEUED, SUPERSEDED when a newer
     * job of its post-mortem is already waiting, or empty when there is no dead job with that id.
     */
    public Optional<Job.Status> replay(long id) {
        try {
            Job.Status s = requeue(id, Job.Status.QUEUED, clock.instant(), null, "status = 'dead'", "0", null);
            return s == null ? Optional.empty() : Optional.of(s);
        } catch (SQLException e) {
            throw new QueueException("cannot replay job " + id + ": " + e.getMessage(), e);
        }
    }

    public Optional<Job> job(long id) {
        try (Connection c = db.getConnection()) {
            return job(c, id);
        } catch (SQLException e) {
            throw new QueueException("cannot read job " + id + ": " + e.getMessage(), e);
        }
    }

    /**
     * Moves a job in state {@code from} to {@code to} (QUEUED or DEAD), under its post-mortem's lock;
     * QUEUED becomes SUPERSEDED when another job of the post-mortem is queued.
     *
     * @param runAfter    null keeps the job's time; {@code error} null keeps its last error
     * @param guard       when set, a further condition the job must meet (locked before a time, by a worker)
     * @return the status the job now has, or null when no job {@code id} was in state {@code from}
     */
    private Job.Status requeue(long id, Job.Status to, Instant runAfter, String error, String from, String attempts, Guard guard) throws SQLException {
        Optional<Job> current = job(id);
        if (current.isEmpty()) return null;
        String postMortem = current.get().postMortem();
        return inTransaction(postMortem, c -> {
            Long newer = to == Job.Status.QUEUED ? queuedJob(c, postMortem, id) : null;
            Job.Status status = newer == null ? to : Job.Status.SUPERSEDED;
            String note = newer == null ? error : "superseded by job " + newer + (error == null ? "" : "; last error: " + error);
            try (PreparedStatement p = c.prepareStatement("UPDATE jobs SET status = ?, attempts = " + attempts + ", run_after = COALESCE(?, run_after), "
                    + "last_error = COALESCE(?, last_error), locked_by = NULL, updated_at = ? WHERE id = ? AND " + from
                    + (guard == null ? "" : " AND " + guard.condition()))) {
                p.setString(1, status.name().toLowerCase(java.util.Locale.ROOT));
                p.setTimestamp(2, runAfter == null ? null : Timestamp.from(runAfter));
                p.setString(3, note);
                p.setTimestamp(4, Timestamp.from(clock.instant()));
                p.setLong(5, id);
                if (guard != null) p.setObject(6, guard.value());
                return p.executeUpdate() == 1 ? status : null;
            }
        });
    }

    /** A condition with one parameter that a job must meet to be moved, e.g. {@code locked_by = ?}. */
    private record Guard(String condition, Object value) {
    }

    private static Guard heldBy(String worker) {
        return worker == null ? null : new Guard("locked_by = ?", worker);
    }

    /**
     * At start, on a store only one process can open (an H2 file): every job still marked running belongs to
     * a process that stopped without recording its outcome (killed, or its machine lost), so each goes back
     * to the queue at once rather than after its lease. Its attempt counts: a job that kills its process every
     * time must end dead. On PostgreSQL other instances may be running those jobs, so leases decide there.
     *
     * @return how many jobs were put back
     */
    public int reclaimAbandoned() {
        if (!dialect.singleProcess()) return 0;
        return putBack("SELECT id, attempts FROM jobs WHERE status = 'running' ORDER BY id", null,
                "the process running it stopped before it finished; put back when the service started again", null);
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

    /** The newest jobs in one status, newest first: done jobs pile up, so a listing is bounded. */
    public List<Job> recent(Job.Status status, int limit) {
        try (Connection c = db.getConnection(); PreparedStatement p = c.prepareStatement(
                "SELECT id, post_mortem, status, attempts, run_after, last_error FROM jobs WHERE status = ? ORDER BY id DESC FETCH FIRST ? ROWS ONLY")) {
            p.setString(1, status.name().toLowerCase(java.util.Locale.ROOT));
            p.setInt(2, limit);
            List<Job> out = new ArrayList<>();
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) out.add(row(r));
            }
            return out;
        } catch (SQLException e) {
            throw new QueueException("cannot read jobs: " + e.getMessage(), e);
        }
    }

    public List<Job> all() {
        return list("SELECT id, post_mortem, status, attempts, run_after, last_error FROM jobs ORDER BY id");
    }

    Optional<Job> job(Connection c, long id) throws SQLException {
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

    static Job row(ResultSet r) throws SQLException {
        return new Job(r.getLong(1), r.getString(2), Job.Status.valueOf(r.getString(3).toUpperCase(java.util.Locale.ROOT)), r.getInt(4),
                r.getTimestamp(5).toInstant(), r.getString(6));
    }
}
