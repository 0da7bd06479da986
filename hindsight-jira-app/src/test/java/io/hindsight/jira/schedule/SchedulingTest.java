package io.hindsight.jira.schedule;

import com.atlassian.event.api.EventPublisher;
import com.atlassian.scheduler.JobRunner;
import com.atlassian.scheduler.JobRunnerRequest;
import com.atlassian.scheduler.JobRunnerResponse;
import com.atlassian.scheduler.SchedulerService;
import com.atlassian.scheduler.config.JobConfig;
import com.atlassian.scheduler.config.JobId;
import com.atlassian.scheduler.config.JobRunnerKey;
import com.atlassian.scheduler.config.RunMode;
import com.atlassian.scheduler.status.RunOutcome;
import io.hindsight.jira.ao.SyncJobEntity;
import io.hindsight.jira.listener.IssueEventListener;
import io.hindsight.jira.port.SyncRunner;
import io.hindsight.jira.provision.Provisioning;
import io.hindsight.jira.queue.JobStatus;
import io.hindsight.jira.queue.QueuePolicy;
import io.hindsight.jira.queue.SyncQueue;
import io.hindsight.jira.testing.AoDatabase;
import io.hindsight.jira.testing.LocalClusterLocks;
import io.hindsight.jira.testing.MutableClock;
import io.hindsight.jira.testing.SyncJobRows;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.mockito.ArgumentCaptor;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.mockito.Mockito.when;

/** The queue drained off the request thread by a once-per-cluster job under a cluster lock; start and stop. */
public class SchedulingTest {
    @Rule
    public final AoDatabase db = new AoDatabase();

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-20T10:00:00Z"));
    private final LocalClusterLocks locks = new LocalClusterLocks();
    private final JobRunnerRequest request = mock(JobRunnerRequest.class);
    private SyncQueue queue;

    @Before
    public void setUp() {
        queue = new SyncQueue(db.activeObjects(), locks, clock, new QueuePolicy(2, Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15)));
    }

    @Test
    public void drainsEveryDueJobAndRecordsFailuresForRetry() {
        queue.enqueue("PM-1", "a");
        queue.enqueue("PM-2", "b");
        queue.enqueue("PM-3", "c");
        List<String> synced = new ArrayList<>();
        SyncRunner runner = key -> {
            if (key.equals("PM-2")) throw new IllegalStateException("Confluence said 401");
            synced.add(key);
            return key + ": synced";
        };
        JobRunnerResponse response = new QueueDrainJob(queue, runner, locks, clock, "node-a", Duration.ofMinutes(4)).runJob(request);

        assertEquals(RunOutcome.SUCCESS, response.getRunOutcome());
        assertEquals("2 synced, 1 failed", response.getMessage());
        assertEquals(List.of("PM-1", "PM-3"), synced);
        assertEquals(2, queue.counts().of(JobStatus.DONE));
        assertEquals("IllegalStateException: Confluence said 401", queue.latest("PM-2").orElseThrow().lastError().orElseThrow());
        assertEquals(JobStatus.QUEUED, queue.latest("PM-2").orElseThrow().status());
        assertFalse("the drain lock is released", locks.isHeld(QueueDrainJob.LOCK));
    }

    @Test
    public void leavesAtOnceWhileAnotherNodeDrains() throws Exception {
        queue.enqueue("PM-1", "a");
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread otherNode = new Thread(() -> {
            var lock = locks.getLockForName(QueueDrainJob.LOCK);
            lock.lock();
            held.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            } finally {
                lock.unlock();
            }
        });
        otherNode.start();
        assertTrue(held.await(10, TimeUnit.SECONDS));
        SyncRunner runner = mock(SyncRunner.class);
        JobRunnerResponse response = new QueueDrainJob(queue, runner, locks, clock, "node-b", Duration.ofMinutes(4)).runJob(request);
        release.countDown();
        otherNode.join();

        assertEquals("another node is draining the queue", response.getMessage());
        verifyNoMoreInteractions(runner);
        assertEquals(1, queue.counts().of(JobStatus.QUEUED));
    }

    /**
     * The queue's table must not grow forever: each drain deletes finished jobs (done, superseded) untouched for
     * 30 days, at most 1000 rows a run in one short transaction of its own; dead jobs wait for an admin.
     */
    @Test
    public void eachDrainPurgesAThousandFinishedJobsOlderThanThirtyDays() throws Exception {
        long longAgo = clock.millis();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 1; i <= 1003; i++) rows.add(SyncJobRows.row("PM-" + i, i % 2 == 0 ? JobStatus.DONE : JobStatus.SUPERSEDED, longAgo));
        rows.add(SyncJobRows.row("PM-9000", JobStatus.DEAD, longAgo));
        db.activeObjects().entityManager().create(SyncJobEntity.class, rows);
        clock.advance(Duration.ofDays(29));
        queue.enqueue("PM-9001", "issue updated");
        new QueueDrainJob(queue, key -> key + ": synced", locks, clock, "node-a", Duration.ofMinutes(4)).runJob(request);
        assertEquals("a job finished today is kept", 1004, queue.counts().of(JobStatus.DONE) + queue.counts().of(JobStatus.SUPERSEDED));

        clock.advance(Duration.ofDays(2));
        int transactionsBefore = db.activeObjects().transactions();
        JobRunnerResponse first = new QueueDrainJob(queue, mock(SyncRunner.class), locks, clock, "node-a", Duration.ofMinutes(4)).runJob(request);
        assertEquals("0 synced, 0 failed, 1000 finished jobs purged", first.getMessage());
        assertEquals(4, queue.counts().of(JobStatus.DONE) + queue.counts().of(JobStatus.SUPERSEDED));
        assertEquals("the (empty) claim, then the purge in one transaction of its own",
                2, db.activeObjects().transactions() - transactionsBefore);

        new QueueDrainJob(queue, mock(SyncRunner.class), locks, clock, "node-a", Duration.ofMinutes(4)).runJob(request);
        assertEquals("only the job finished two days ago is left", 1, queue.counts().of(JobStatus.DONE) + queue.counts().of(JobStatus.SUPERSEDED));
        assertEquals(JobStatus.DONE, queue.latest("PM-9001").orElseThrow().status());
        assertEquals("dead jobs wait for an admin", 1, queue.counts().of(JobStatus.DEAD));
    }

    @Test
    public void aFailedPurgeIsReportedAndKeepsTheSyncsItFollowed() {
        SyncQueue failing = org.mockito.Mockito.spy(queue);
        org.mockito.Mockito.doThrow(new IllegalStateException("ORA-00054: resource busy"))
                .when(failing).purgeFinished(any(), org.mockito.ArgumentMatchers.anyInt());
        queue.enqueue("PM-1", "a");
        JobRunnerResponse response = new QueueDrainJob(failing, key -> "ok", locks, clock, "node-a", Duration.ofMinutes(4)).runJob(request);
        assertEquals(RunOutcome.FAILED, response.getRunOutcome());
        assertEquals("1 synced, 0 failed; purging finished jobs failed: IllegalStateException: ORA-00054: resource busy", response.getMessage());
        assertEquals(JobStatus.DONE, queue.latest("PM-1").orElseThrow().status());
        assertFalse("the drain lock is released", locks.isHeld(QueueDrainJob.LOCK));
    }

    @Test
    public void stopsWhenJiraAsksItTo() throws Exception {
        queue.enqueue("PM-1", "a");
        queue.enqueue("PM-2", "b");
        when(request.isCancellationRequested()).thenReturn(false, true);
        SyncRunner runner = mock(SyncRunner.class);
        new QueueDrainJob(queue, runner, locks, clock, "node-a", Duration.ofMinutes(4)).runJob(request);
        verify(runner, times(1)).sync(any());
        assertEquals(1, queue.counts().of(JobStatus.QUEUED));
    }

    @Test
    public void startSchedulesBothJobsOncePerClusterAndStopTakesThisNodeOut() throws Exception {
        EventPublisher events = mock(EventPublisher.class);
        SchedulerService scheduler = mock(SchedulerService.class);
        IssueEventListener listener = mock(IssueEventListener.class);
        QueueDrainJob drain = mock(QueueDrainJob.class);
        RemindersJob reminders = mock(RemindersJob.class);
        Provisioning provisioning = mock(Provisioning.class);
        AppLifecycle app = new AppLifecycle(events, scheduler, listener, drain, reminders, provisioning);

        app.onStart();
        app.onStart();
        verify(provisioning, times(1)).run();
        verify(events, times(1)).register(listener);
        verify(scheduler).registerJobRunner(AppLifecycle.DRAIN_RUNNER, drain);
        verify(scheduler).registerJobRunner(AppLifecycle.REMINDERS_RUNNER, reminders);
        ArgumentCaptor<JobConfig> configs = ArgumentCaptor.forClass(JobConfig.class);
        verify(scheduler).scheduleJob(org.mockito.ArgumentMatchers.eq(AppLifecycle.DRAIN_JOB), configs.capture());
        verify(scheduler).scheduleJob(org.mockito.ArgumentMatchers.eq(AppLifecycle.REMINDERS_JOB), configs.capture());
        for (JobConfig c : configs.getAllValues()) assertEquals(RunMode.RUN_ONCE_PER_CLUSTER, c.getRunMode());
        assertEquals(60_000L, configs.getAllValues().get(0).getSchedule().getIntervalScheduleInfo().getIntervalInMillis());
        assertEquals(Duration.ofDays(1).toMillis(), configs.getAllValues().get(1).getSchedule().getIntervalScheduleInfo().getIntervalInMillis());

        app.destroy();
        verify(scheduler).unregisterJobRunner(AppLifecycle.DRAIN_RUNNER);
        verify(scheduler).unregisterJobRunner(AppLifecycle.REMINDERS_RUNNER);
        verify(events).unregister(listener);
        verify(scheduler, never()).unscheduleJob(any());
        app.onStop();
        verify(events, times(1)).unregister(listener);
    }

    /**
     * Two nodes share one cluster schedule. When node A shuts down (its plugin context closes) node B must go on
     * draining the queue and sending reminders: the cluster jobs stay scheduled, and only A's runners leave.
     */
    @Test
    public void oneNodeShuttingDownLeavesTheClusterJobsRunningOnTheOthers() throws Exception {
        ClusterScheduler cluster = new ClusterScheduler();
        AppLifecycle nodeA = node(cluster.node("a"));
        AppLifecycle nodeB = node(cluster.node("b"));
        nodeA.onStart();
        nodeB.onStart();

        nodeA.destroy();

        assertEquals(Set.of(AppLifecycle.DRAIN_JOB, AppLifecycle.REMINDERS_JOB), cluster.scheduled.keySet());
        assertEquals(Set.of(AppLifecycle.DRAIN_RUNNER, AppLifecycle.REMINDERS_RUNNER), cluster.runners.get("b").keySet());
        assertTrue("node a no longer runs anything", cluster.runners.get("a").isEmpty());

        // node a comes back: its start replaces the schedule under the same ids instead of adding a second one
        nodeA.onStart();
        assertEquals(2, cluster.scheduled.size());
        assertEquals(Set.of(AppLifecycle.DRAIN_RUNNER, AppLifecycle.REMINDERS_RUNNER), cluster.runners.get("a").keySet());
    }

    private static AppLifecycle node(SchedulerService scheduler) {
        return new AppLifecycle(mock(EventPublisher.class), scheduler, mock(IssueEventListener.class), mock(QueueDrainJob.class),
                mock(RemindersJob.class), mock(Provisioning.class));
    }

    /**
     * atlassian-scheduler's shape on a cluster: one shared table of scheduled jobs (by id, a second schedule replaces
     * the first), and job runners registered per node.
     */
    private static final class ClusterScheduler {
        final Map<JobId, JobConfig> scheduled = new HashMap<>();
        final Map<String, Map<JobRunnerKey, JobRunner>> runners = new HashMap<>();

        SchedulerService node(String name) {
            Map<JobRunnerKey, JobRunner> mine = runners.computeIfAbsent(name, n -> new HashMap<>());
            return new SchedulerService() {
                @Override
                public void registerJobRunner(JobRunnerKey key, JobRunner runner) {
                    mine.put(key, runner);
                }

                @Override
                public void unregisterJobRunner(JobRunnerKey key) {
                    mine.remove(key);
                }

                @Override
                public void scheduleJob(JobId id, JobConfig config) {
                    scheduled.put(id, config);
                }

                @Override
                public void unscheduleJob(JobId id) {
                    scheduled.remove(id);
                }
            };
        }
    }

    @Test
    public void theReminderJobReportsWhatTheSweepDidOrWhyItFailed() {
        assertEquals("3 reminders sent", new RemindersJob(() -> "3 reminders sent").runJob(request).getMessage());
        JobRunnerResponse failed = new RemindersJob(() -> { throw new IllegalStateException("Jira is read-only"); }).runJob(request);
        assertEquals(RunOutcome.FAILED, failed.getRunOutcome());
        assertEquals("IllegalStateException: Jira is read-only", failed.getMessage());
    }
}
