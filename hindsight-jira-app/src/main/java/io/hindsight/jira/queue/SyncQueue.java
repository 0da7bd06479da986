package io.hindsight.jira.queue;

import com.atlassian.activeobjects.external.ActiveObjects;
import com.atlassian.beehive.ClusterLock;
import com.atlassian.beehive.ClusterLockService;
import io.hindsight.jira.ao.Chunks;
import io.hindsight.jira.ao.SyncJobEntity;
import net.java.ao.DBParam;
import net.java.ao.Query;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The durable sync queue in Active Objects, shared by every node of a cluster.
 * <ul>
 *   <li>A post-mortem has at most one QUEUED job: later events join it ({@link #enqueue}). The check and
 *       the insert happen under a cluster lock (one of 64, chosen by the key), so two nodes cannot both
 *       queue one.</li>
 *   <li>A job is claimed under a lease; a job of a post-mortem waits while another job of the same
 *       post-mortem runs. A node that dies mid-job leaves a lease that runs out, and the job is taken up again.</li>
 *   <li>A failure goes back to the queue with doubling backoff; after the last attempt the job is DEAD and
 *       waits for an admin to replay it, unless a newer job of the post-mortem already waits (SUPERSEDED).</li>
 * </ul>
 * Every multi-write step runs in one transaction; queries are paged and never load the whole table.
 */
public final class SyncQueue {
    static final String CLAIM_LOCK = "io.hindsight.jira.queue.claim";
    static final String ENQUEUE_LOCK_PREFIX = "io.hindsight.jira.queue.enqueue.";
    static final int LOCK_STRIPES = 64;
    static final int PAGE = 50;
    private static final int REASON_LENGTH = 450;
    private static final int ERROR_LENGTH = 4000;

    private final ActiveObjects ao;
    private final ClusterLockService locks;
    private final Clock clock;
    private final QueuePolicy policy;

    public SyncQueue(ActiveObjects ao, ClusterLockService locks, Clock clock, QueuePolicy policy) {
        this.ao = ao;
        this.locks = locks;
        this.clock = clock;
        this.policy = policy;
    }

    /** Queues a sync of the post-mortem, or joins the one already queued. Safe to call for every event. */
    public Enqueued enqueue(String postMortemKey, String reason) {
        String key = IssueKeys.require(postMortemKey);
        return locked(enqueueLockName(key), () -> ao.executeInTransaction(() -> {
            long now = clock.millis();
            Optional<SyncJobEntity> queued = queuedJobOf(key);
            if (queued.isPresent()) {
                SyncJobEntity job = queued.get();
                job.setEvents(job.getEvents() + 1);
                job.setReason(joinReason(job.getReason(), reason));
                job.setNextRunMillis(Math.min(job.getNextRunMillis(), now));
                job.setUpdatedMillis(now);
                job.save();
                return new Enqueued(view(job), true);
            }
            SyncJobEntity job = ao.create(SyncJobEntity.class,
                    new DBParam("POST_MORTEM_KEY", key),
                    new DBParam("STATUS", JobStatus.QUEUED.name()),
                    new DBParam("ATTEMPTS", 0),
                    new DBParam("EVENTS", 1),
                    new DBParam("NEXT_RUN_MILLIS", now),
                    new DBParam("CREATED_MILLIS", now),
                    new DBParam("UPDATED_MILLIS", now),
                    new DBParam("REASON", cut(reason, REASON_LENGTH)),
                    new DBParam("LEASE_UNTIL_MILLIS", 0L));
            return new Enqueued(view(job), false);
        }));
    }

    /**
     * Claims the next due job for {@code node}: the oldest QUEUED job whose post-mortem has no job running.
     * Jobs whose lease ran out (their node died) are first put back, or dead-lettered after the last attempt.
     */
    public Optional<SyncJob> claimNext(String node) {
        return locked(CLAIM_LOCK, () -> ao.executeInTransaction(() -> {
            long now = clock.millis();
            recoverExpiredLeases(now);
            for (int offset = 0; ; offset += PAGE) {
                SyncJobEntity[] due = ao.find(SyncJobEntity.class, Query.select()
                        .where("STATUS = ? AND NEXT_RUN_MILLIS <= ?", JobStatus.QUEUED.name(), now)
                        .order("NEXT_RUN_MILLIS ASC, ID ASC").limit(PAGE).offset(offset));
                for (SyncJobEntity job : due) {
                    if (isRunning(job.getPostMortemKey())) continue;
                    job.setStatus(JobStatus.RUNNING.name());
                    job.setAttempts(job.getAttempts() + 1);
                    job.setLeaseOwner(cut(node, 128));
                    job.setLeaseUntilMillis(now + policy.lease().toMillis());
                    job.setUpdatedMillis(now);
                    job.save();
                    return Optional.of(view(job));
                }
                if (due.length < PAGE) return Optional.<SyncJob>empty();
            }
        }));
    }

    /** Marks a claimed job done; false when the node no longer holds it (its lease ran out and it was taken up). */
    public boolean complete(int jobId, String node) {
        return ao.executeInTransaction(() -> {
            SyncJobEntity job = heldBy(jobId, node);
            if (job == null) return false;
            job.setStatus(JobStatus.DONE.name());
            job.setLeaseOwner(null);
            job.setLeaseUntilMillis(0L);
            job.setUpdatedMillis(clock.millis());
            job.save();
            return true;
        });
    }

    /** Records a failed attempt: back to the queue with backoff, or DEAD / SUPERSEDED. Returns the new state. */
    public Optional<SyncJob> fail(int jobId, String node, String error) {
        return ao.executeInTransaction(() -> {
            SyncJobEntity job = heldBy(jobId, node);
            if (job == null) return Optional.<SyncJob>empty();
            settleFailure(job, error, clock.millis());
            return Optional.of(view(job));
        });
    }

    /**
     * Queues a dead job again with fresh attempts. If the post-mortem already has a queued job, that one
     * will sync everything: the dead job is marked superseded and the queued one returned as joined.
     */
    public Optional<Enqueued> replay(int jobId) {
        return ao.executeInTransaction(() -> {
            SyncJobEntity job = ao.get(SyncJobEntity.class, jobId);
            if (job == null || !JobStatus.DEAD.name().equals(job.getStatus())) return Optional.<Enqueued>empty();
            long now = clock.millis();
            Optional<SyncJobEntity> queued = queuedJobOf(job.getPostMortemKey());
            job.setUpdatedMillis(now);
            if (queued.isPresent()) {
                job.setStatus(JobStatus.SUPERSEDED.name());
                job.save();
                return Optional.of(new Enqueued(view(queued.get()), true));
            }
            job.setStatus(JobStatus.QUEUED.name());
            job.setAttempts(0);
            job.setNextRunMillis(now);
            job.setReason(joinReason(job.getReason(), "replayed by an admin"));
            job.save();
            return Optional.of(new Enqueued(view(job), false));
        });
    }

    /** The newest jobs in a state, newest first; at most 100. */
    public List<SyncJob> list(JobStatus status, int limit) {
        SyncJobEntity[] rows = ao.find(SyncJobEntity.class, Query.select().where("STATUS = ?", status.name())
                .order("ID DESC").limit(Math.max(1, Math.min(limit, 100))));
        return Arrays.stream(rows).map(SyncQueue::view).toList();
    }

    /** The newest job of a post-mortem: what a "state of its sync" question is about. */
    public Optional<SyncJob> latest(String postMortemKey) {
        String key = IssueKeys.require(postMortemKey);
        SyncJobEntity[] rows = ao.find(SyncJobEntity.class, Query.select().where("POST_MORTEM_KEY = ?", key).order("ID DESC").limit(1));
        return rows.length == 0 ? Optional.empty() : Optional.of(view(rows[0]));
    }

    public QueueCounts counts() {
        Map<JobStatus, Integer> out = new EnumMap<>(JobStatus.class);
        for (JobStatus s : JobStatus.values()) out.put(s, ao.count(SyncJobEntity.class, Query.select().where("STATUS = ?", s.name())));
        return new QueueCounts(out);
    }

    /**
     * Deletes finished jobs (done, superseded) last touched before {@code before}: in chunks of at most
     * 1000 rows, one transaction per chunk, at most {@code maxRows} in one call. Returns how many went.
     */
    public int purgeFinished(Instant before, int maxRows) {
        int deleted = 0;
        while (deleted < maxRows) {
            int want = Math.min(Chunks.MAX, maxRows - deleted);
            int n = ao.executeInTransaction(() -> {
                SyncJobEntity[] old = ao.find(SyncJobEntity.class, Query.select()
                        .where("(STATUS = ? OR STATUS = ?) AND UPDATED_MILLIS < ?", JobStatus.DONE.name(), JobStatus.SUPERSEDED.name(), before.toEpochMilli())
                        .order("ID ASC").limit(want));
                if (old.length > 0) ao.delete(old);
                return old.length;
            });
            deleted += n;
            if (n < want) break;
        }
        return deleted;
    }

    // --- steps

    private void recoverExpiredLeases(long now) {
        SyncJobEntity[] stale = ao.find(SyncJobEntity.class, Query.select()
                .where("STATUS = ? AND LEASE_UNTIL_MILLIS < ?", JobStatus.RUNNING.name(), now).order("ID ASC").limit(PAGE));
        for (SyncJobEntity job : stale) {
            settleFailure(job, "the node running it (" + job.getLeaseOwner() + ") stopped before finishing; its lease ran out", now);
        }
    }

    private void settleFailure(SyncJobEntity job, String error, long now) {
        job.setLastError(cut(error == null || error.isBlank() ? "failed without a message" : error, ERROR_LENGTH));
        job.setLeaseOwner(null);
        job.setLeaseUntilMillis(0L);
        job.setUpdatedMillis(now);
        if (queuedJobOf(job.getPostMortemKey()).isPresent()) {
            job.setStatus(JobStatus.SUPERSEDED.name());
        } else if (job.getAttempts() >= policy.maxAttempts()) {
            job.setStatus(JobStatus.DEAD.name());
        } else {
            job.setStatus(JobStatus.QUEUED.name());
            job.setNextRunMillis(now + policy.backoffAfter(job.getAttempts()).toMillis());
        }
        job.save();
    }

    private Optional<SyncJobEntity> queuedJobOf(String key) {
        SyncJobEntity[] rows = ao.find(SyncJobEntity.class, Query.select()
                .where("POST_MORTEM_KEY = ? AND STATUS = ?", key, JobStatus.QUEUED.name()).order("ID ASC").limit(1));
        return rows.length == 0 ? Optional.empty() : Optional.of(rows[0]);
    }

    private boolean isRunning(String key) {
        return ao.count(SyncJobEntity.class, Query.select().where("POST_MORTEM_KEY = ? AND STATUS = ?", key, JobStatus.RUNNING.name())) > 0;
    }

    private SyncJobEntity heldBy(int jobId, String node) {
        SyncJobEntity job = ao.get(SyncJobEntity.class, jobId);
        if (job == null || !JobStatus.RUNNING.name().equals(job.getStatus()) || !node.equals(job.getLeaseOwner())) return null;
        return job;
    }

    private <T> T locked(String name, Supplier<T> work) {
        ClusterLock lock = locks.getLockForName(name);
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    static String enqueueLockName(String key) {
        return ENQUEUE_LOCK_PREFIX + Math.floorMod(key.hashCode(), LOCK_STRIPES);
    }

    private static String joinReason(String existing, String added) {
        if (added == null || added.isBlank()) return existing;
        if (existing == null || existing.isBlank()) return cut(added, REASON_LENGTH);
        if (List.of(existing.split("; ")).contains(added)) return existing;
        // newest reasons are the useful ones: drop the oldest to stay within the column
        List<String> parts = new ArrayList<>(List.of(existing.split("; ")));
        parts.add(added);
        while (String.join("; ", parts).length() > REASON_LENGTH && parts.size() > 1) parts.remove(0);
        return cut(String.join("; ", parts), REASON_LENGTH);
    }

    private static String cut(String s, int max) {
        if (s == null) return null;
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    static SyncJob view(SyncJobEntity e) {
        return new SyncJob(e.getID(), e.getPostMortemKey(), JobStatus.valueOf(e.getStatus()), e.getAttempts(), e.getEvents(),
                Instant.ofEpochMilli(e.getNextRunMillis()), Instant.ofEpochMilli(e.getCreatedMillis()),
                Instant.ofEpochMilli(e.getUpdatedMillis()), e.getReason() == null ? "" : e.getReason(),
                Optional.ofNullable(e.getLastError()).filter(s -> !s.isBlank()));
    }
}
