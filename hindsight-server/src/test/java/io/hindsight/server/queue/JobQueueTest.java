package io.hindsight.server.queue;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;

import javax.sql.DataSource;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/** The job queue on H2 and on PostgreSQL, with workers competing for jobs. */
@RunWith(Parameterized.class)
public class JobQueueTest {
    @Parameterized.Parameters(name = "{0}")
    public static java.util.List<Object[]> databases() {
        return TestDatabases.kinds();
    }

    @Parameterized.Parameter
    public String kind;

    private JobQueue queue;
    private DataSource db;

    @Before
    public void fresh() {
        db = TestDatabases.fresh(kind);
        queue = new JobQueue(db, Clock.systemUTC(), 3);
    }

    @Test
    public void aRedeliveryIsRecognisedAndEventsForAQueuedPostMortemJoinItsJob() {
        assertEquals(JobQueue.Accepted.QUEUED, queue.accept("d-1", "jira:issue_updated", "PM-1", "PM-1"));
        for (int i = 0; i < 10; i++) assertEquals(JobQueue.Accepted.DUPLICATE, queue.accept("d-1", "jira:issue_updated", "PM-1", "PM-1"));
        assertEquals(JobQueue.Accepted.JOINED, queue.accept("d-2", "jira:issue_updated", "OPS-7", "PM-1"));
        assertEquals(JobQueue.Accepted.QUEUED, queue.accept("d-3", "jira:issue_created", "PM-2", "PM-2"));
        assertEquals(2, queue.all().size());
    }

    @Test
    public void aJobIsRunByOneWorkerAtATime() throws Exception {
        for (int i = 0; i < 200; i++) queue.accept("d-" + i, "jira:issue_updated", "PM-" + i, "PM-" + i);
        Set<Long> claimed = ConcurrentHashMap.newKeySet();
        AtomicInteger twice = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (int w = 0; w < 4; w++) {
            String name = "worker-" + w;
            pool.submit(() -> {
                for (var job = queue.claim(name); job.isPresent(); job = queue.claim(name)) {
                    if (!claimed.add(job.get().id())) twice.incrementAndGet();
                    queue.done(job.get().id());
                }
            });
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(60, TimeUnit.SECONDS));
        assertEquals(200, claimed.size());
        assertEquals(0, twice.get());
        assertTrue(queue.all().stream().allMatch(j -> j.status() == Job.Status.DONE));
        assertEquals("counted in the database, as /metrics and /readyz read it", 200L, (long) queue.counts().get(Job.Status.DONE));
        assertEquals(0L, (long) queue.counts().get(Job.Status.QUEUED));
    }

    @Test
    public void aPostMortemIsNeverSyncedByTwoWorkersAtOnce() {
        queue.accept("d-1", "jira:issue_updated", "PM-1", "PM-1");
        Job running = queue.claim("w1").orElseThrow();
        // an event arrives while PM-1 is being synced: a new job, which must wait for the running one
        assertEquals(JobQueue.Accepted.QUEUED, queue.accept("d-2", "jira:issue_updated", "OPS-7", "PM-1"));
        queue.accept("d-3", "jira:issue_updated", "PM-2", "PM-2");
        assertEquals("another worker takes PM-2, not PM-1's second job", "PM-2", queue.claim("w2").orElseThrow().postMortem());
        assertEquals(java.util.Optional.empty(), queue.claim("w2"));
        queue.done(running.id());
        assertEquals("PM-1", queue.claim("w2").orElseThrow().postMortem());
    }

    @Test
    public void failuresAreRetriedLaterThenDeadAndCanBeReplayed() {
        Instant[] now = {Instant.parse("2026-11-26T12:00:00Z")};
        Clock clock = new Clock() {
            @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
            @Override public Clock withZone(java.time.ZoneId zone) { return this; }
            @Override public Instant instant() { return now[0]; }
        };
        JobQueue q = new JobQueue(db, clock, 3);
        q.accept("d-1", "jira:issue_updated", "PM-1", "PM-1");
        Job first = q.claim("w").orElseThrow();
        assertEquals(Job.Status.QUEUED, q.failed(first.id(), first.attempts(), "Jira answered 503"));
        assertTrue("not ready again at once", q.claim("w").isEmpty());
        now[0] = now[0].plusSeconds(6);
        Job second = q.claim("w").orElseThrow();
        assertEquals(2, second.attempts());
        assertEquals(Job.Status.QUEUED, q.failed(second.id(), second.attempts(), "Jira answered 503"));
        now[0] = now[0].plusSeconds(16);
        Job third = q.claim("w").orElseThrow();
        assertEquals(Job.Status.DEAD, q.failed(third.id(), third.attempts(), "Jira answered 503"));
        List<Job> dead = q.dead();
        assertEquals(1, dead.size());
        assertEquals("Jira answered 503", dead.get(0).lastError());
        assertEquals(java.util.Optional.of(Job.Status.QUEUED), q.replay(dead.get(0).id()));
        assertTrue(q.claim("w").isPresent());
        assertEquals("only a dead job can be replayed", java.util.Optional.empty(), q.replay(999_999));
    }

    @Test
    public void simultaneousDeliveriesForOnePostMortemQueueOneJob() throws Exception {
        // 8 deliveries at once, distinct identifiers, same post-mortem: without a lock each may find no queued job
        for (int round = 0; round < 20; round++) {
            String pm = "PM-" + round;
            java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(8);
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<java.util.concurrent.Future<JobQueue.Accepted>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String id = pm + "-d" + i;
                results.add(pool.submit(() -> {
                    start.await();
                    return queue.accept(id, "jira:issue_updated", pm, pm);
                }));
            }
            pool.shutdown();
            assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
            long queued = 0;
            for (var r : results) if (r.get() == JobQueue.Accepted.QUEUED) queued++;
            assertEquals(pm + ": one delivery queues, the others join", 1, queued);
        }
        assertEquals(20, queue.all().size());
    }

    @Test
    public void aFailedJobIsSupersededByANewerJobOfItsPostMortem() {
        queue.accept("d-1", "jira:issue_updated", "PM-1", "PM-1");
        Job running = queue.claim("w1").orElseThrow();
        queue.accept("d-2", "jira:issue_updated", "PM-1", "PM-1");
        // retrying the failed job would leave PM-1 with two queued jobs; the newer one syncs everything anyway
        assertEquals(Job.Status.SUPERSEDED, queue.failed(running.id(), running.attempts(), "Jira answered 503"));
        Job old = queue.job(running.id()).orElseThrow();
        assertTrue(old.lastError(), old.lastError().startsWith("superseded by job ") && old.lastError().endsWith("Jira answered 503"));
        Job next = queue.claim("w1").orElseThrow();
        assertEquals("PM-1", next.postMortem());
        assertTrue(queue.claim("w2").isEmpty());
    }

    @Test
    public void requestedSyncsJoinTheQueuedJob() {
        JobQueue.Requested first = queue.request("PM-9");
        assertEquals(false, first.joined());
        JobQueue.Requested second = queue.request("PM-9");
        assertEquals(new JobQueue.Requested(first.jobId(), true), second);
        assertEquals(JobQueue.Accepted.JOINED, queue.accept("d-1", "jira:issue_updated", "PM-9", "PM-9"));
        assertEquals(1, queue.all().size());
    }

    private static Clock movable(Instant[] now) {
        return new Clock() {
            @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
            @Override public Clock withZone(java.time.ZoneId zone) { return this; }
            @Override public Instant instant() { return now[0]; }
        };
    }

    /** A queue on a clock the test moves, holding one queued job of PM-1. */
    private JobQueue onePm1Job(Instant[] now, int maxAttempts) {
        JobQueue q = new JobQueue(db, movable(now), maxAttempts);
        q.accept("d-1", "jira:issue_updated", "PM-1", "PM-1");
        return q;
    }

    @Test
    public void aJobWhoseWorkerVanishedIsPutBackAfterItsLease() {
        Instant[] now = {Instant.parse("2026-11-26T12:00:00Z")};
        JobQueue q = onePm1Job(now, 2);
        Job lost = q.claim("worker-that-was-killed").orElseThrow();
        now[0] = now[0].plus(java.time.Duration.ofMinutes(5));
        assertEquals("still within its lease", 0, q.recoverStale(java.time.Duration.ofMinutes(15)));
        assertTrue("PM-1 waits while its job may still be running", q.claim("w2").isEmpty());
        now[0] = now[0].plus(java.time.Duration.ofMinutes(11));
        assertEquals(1, q.recoverStale(java.time.Duration.ofMinutes(15)));
        Job again = q.claim("w2").orElseThrow();
        assertEquals(lost.id(), again.id());
        assertEquals("the lost attempt counts", 2, again.attempts());
        // it kills its worker again: with no attempts left it ends dead, not in an endless loop
        now[0] = now[0].plus(java.time.Duration.ofMinutes(16));
        assertEquals(1, q.recoverStale(java.time.Duration.ofMinutes(15)));
        Job dead = q.job(lost.id()).orElseThrow();
        assertEquals(Job.Status.DEAD, dead.status());
        assertEquals("its worker stopped answering while running it", dead.lastError());
    }

    @Test
    public void aTaskRunsOnOneInstanceAtATime() throws Exception {
        JobQueue other = new JobQueue(db, Clock.systemUTC(), 3);
        java.util.concurrent.CountDownLatch inside = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch leave = new java.util.concurrent.CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        var first = pool.submit(() -> queue.exclusively("reminder-sweep", () -> {
            inside.countDown();
            try {
                leave.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        assertTrue(inside.await(10, TimeUnit.SECONDS));
        AtomicInteger ran = new AtomicInteger();
        boolean second = other.exclusively("reminder-sweep", ran::incrementAndGet);
        boolean unrelated = other.exclusively("another-task", ran::incrementAndGet);
        leave.countDown();
        assertTrue(first.get(10, TimeUnit.SECONDS));
        pool.shutdown();
        if (kind.equals("postgresql")) {
            assertEquals("a second instance skips the sweep while the first runs it", false, second);
            assertEquals(1, ran.get());
        } else {
            assertEquals("H2 belongs to one process: nothing to exclude", true, second);
        }
        assertTrue(unrelated);
        assertTrue("once the first is done, the task can run again", other.exclusively("reminder-sweep", () -> { }));
    }

    @Test
    public void aReleasedJobGoesBackAsItWas() {
        queue.accept("d-1", "jira:issue_updated", "PM-1", "PM-1");
        Job job = queue.claim("w").orElseThrow();
        queue.release(job.id());
        Job again = queue.claim("w").orElseThrow();
        assertEquals(job.id(), again.id());
        assertEquals("the released attempt does not count", 1, again.attempts());
    }

    @Test
    public void aRunningJobsLeaseIsRenewedByItsHeartbeatAndOnlyByItsWorker() {
        Instant[] now = {Instant.parse("2026-11-26T12:00:00Z")};
        JobQueue q = onePm1Job(now, 3);
        Job job = q.claim("w1").orElseThrow();
        java.time.Duration lease = java.time.Duration.ofSeconds(45);
        for (int beat = 0; beat < 10; beat++) {
            now[0] = now[0].plusSeconds(11);
            assertTrue("its worker holds it", q.heartbeat(job.id(), "w1"));
            assertEquals("a sync far longer than the lease keeps its job while it heartbeats", 0, q.recoverStale(lease));
        }
        assertEquals("another worker cannot renew it", false, q.heartbeat(job.id(), "w2"));
        now[0] = now[0].plusSeconds(46);
        assertEquals("heartbeats stopped (the process was killed): taken over once the lease runs out", 1, q.recoverStale(lease));
        assertEquals(false, q.heartbeat(job.id(), "w1"));
    }

    @Test
    public void aWorkerWhoseJobWasTakenOverDoesNotRecordItsOutcome() {
        Instant[] now = {Instant.parse("2026-11-26T12:00:00Z")};
        JobQueue q = onePm1Job(now, 3);
        Job first = q.claim("w1").orElseThrow();
        now[0] = now[0].plusSeconds(60);
        assertEquals(1, q.recoverStale(java.time.Duration.ofSeconds(45)));
        Job again = q.claim("w2").orElseThrow();
        // w1 was only stalled, not dead: it finishes late, and must not end w2's run
        assertEquals(false, q.done(first.id(), "w1"));
        assertEquals(null, q.failed(first.id(), "w1", first.attempts(), "late failure"));
        assertEquals(Job.Status.RUNNING, q.job(first.id()).orElseThrow().status());
        assertTrue("nothing else of PM-1 may start while w2 runs it", q.claim("w3").isEmpty());
        assertTrue(q.done(again.id(), "w2"));
        assertEquals(Job.Status.DONE, q.job(first.id()).orElseThrow().status());
    }

    @Test
    public void atStartAStoreOnlyOneProcessCanOpenPutsItsPredecessorsRunningJobsBack() {
        queue.accept("d-1", "jira:issue_updated", "PM-1", "PM-1");
        queue.accept("d-2", "jira:issue_updated", "PM-2", "PM-2");
        Job killed = queue.claim("worker-of-a-killed-process").orElseThrow();
        int back = queue.reclaimAbandoned();
        if (kind.equals("h2")) {
            assertEquals("an H2 file has one process: its running jobs at start are abandoned", 1, back);
            Job j = queue.job(killed.id()).orElseThrow();
            assertEquals(Job.Status.QUEUED, j.status());
            assertEquals("the killed attempt counts", 1, j.attempts());
            assertTrue(j.lastError(), j.lastError().startsWith("the process running it stopped before it finished"));
        } else {
            assertEquals("on PostgreSQL another instance may be running it: its lease decides", 0, back);
            assertEquals(Job.Status.RUNNING, queue.job(killed.id()).orElseThrow().status());
        }
    }
}
