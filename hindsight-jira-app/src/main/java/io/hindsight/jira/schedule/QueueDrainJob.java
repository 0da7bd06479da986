package io.hindsight.jira.schedule;

import com.atlassian.beehive.ClusterLock;
import com.atlassian.beehive.ClusterLockService;
import com.atlassian.scheduler.JobRunner;
import com.atlassian.scheduler.JobRunnerRequest;
import com.atlassian.scheduler.JobRunnerResponse;
import io.hindsight.jira.port.SyncRunner;
import io.hindsight.jira.queue.SyncJob;
import io.hindsight.jira.queue.SyncQueue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Drains the sync queue off the request thread. Scheduled once per cluster every minute; it also takes a
 * cluster lock, so an overlapping run (a slow sync, a scheduler retry) on another node leaves at once.
 * Runs jobs until the queue has none due, the time budget is spent, or Jira asks it to stop; then deletes
 * finished jobs older than {@link #KEEP_FINISHED} (at most {@link #PURGE_PER_RUN} a run, in one short
 * transaction) so the queue's table stays small. Dead jobs are never purged: they wait for an admin.
 */
public class QueueDrainJob implements JobRunner {
    static final String LOCK = "io.hindsight.jira.queue.drain";
    /** How long a done or superseded job stays visible (its sync's state answers "what happened" for a month). */
    static final Duration KEEP_FINISHED = Duration.ofDays(30);
    /** One Oracle-safe chunk a minute: a backlog after an upgrade clears in hours without a long transaction. */
    static final int PURGE_PER_RUN = 1000;
    private final SyncQueue queue;
    private final SyncRunner runner;
    private final ClusterLockService locks;
    private final Clock clock;
    private final String node;
    private final Duration budget;

    public QueueDrainJob(SyncQueue queue, SyncRunner runner, ClusterLockService locks, Clock clock, NodeName node) {
        this(queue, runner, locks, clock, node.value(), Duration.ofMinutes(4));
    }

    QueueDrainJob(SyncQueue queue, SyncRunner runner, ClusterLockService locks, Clock clock, String node, Duration budget) {
        this.queue = queue;
        this.runner = runner;
        this.locks = locks;
        this.clock = clock;
        this.node = node;
        this.budget = budget;
    }

    @Override
    public JobRunnerResponse runJob(JobRunnerRequest request) {
        ClusterLock lock = locks.getLockForName(LOCK);
        if (!lock.tryLock()) return JobRunnerResponse.success("another node is draining the queue");
        int done = 0;
        int failed = 0;
        int purged = 0;
        try {
            Instant stopAt = clock.instant().plus(budget);
            while (!request.isCancellationRequested() && clock.instant().isBefore(stopAt)) {
                Optional<SyncJob> job = queue.claimNext(node);
                if (job.isEmpty()) break;
                try {
                    runner.sync(job.get().postMortemKey());
                    queue.complete(job.get().id(), node);
                    done++;
                } catch (Exception e) {
                    queue.fail(job.get().id(), node, describe(e));
                    failed++;
                }
            }
            if (!request.isCancellationRequested()) purged = queue.purgeFinished(clock.instant().minus(KEEP_FINISHED), PURGE_PER_RUN);
        } catch (RuntimeException e) {
            // the syncs above are recorded; only the clean-up failed, and the next run tries it again
            return JobRunnerResponse.failed(done + " synced, " + failed + " failed; purging finished jobs failed: " + describe(e));
        } finally {
            lock.unlock();
        }
        return JobRunnerResponse.success(done + " synced, " + failed + " failed" + (purged > 0 ? ", " + purged + " finished jobs purged" : ""));
    }

    /** What an admin reads in the dead-letter list: the exception's own message, never a stack or a request. */
    static String describe(Exception e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m);
    }
}
