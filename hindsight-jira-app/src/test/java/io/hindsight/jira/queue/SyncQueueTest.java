package io.hindsight.jira.queue;

import io.hindsight.jira.testing.AoDatabase;
import io.hindsight.jira.testing.LocalClusterLocks;
import io.hindsight.jira.testing.MutableClock;
import io.hindsight.jira.testing.SyncJobRows;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;

import java.time.Duration;
import java.time.Instant;
import io.hindsight.jira.ao.SyncJobEntity;

import java.util.ArrayList;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

/** The sync queue on Active Objects 6.1.1 and HSQLDB, as it runs on a Jira cluster. */
public class SyncQueueTest {
    @Rule
    public final AoDatabase db = new AoDatabase();

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-02T14:00:00Z"));
    private final LocalClusterLocks locks = new LocalClusterLocks();
    private final QueuePolicy policy = new QueuePolicy(3, Duration.ofMinutes(1), Duration.ofMinutes(10), Duration.ofMinutes(15));
    private SyncQueue queue;

    @Before
    public void setUp() {
        queue = new SyncQueue(db.activeObjects(), locks, clock, policy);
    }

    @Test
    public void laterEventsJoinTheQueuedJobOfTheirPostMortem() {
        Enqueued first = queue.enqueue("PM-12", "issue created");
        Enqueued second = queue.enqueue("pm-12", "issue updated");
        Enqueued other = queue.enqueue("PM-13", "issue created");

        assertFalse(first.joined());
        assertTrue(second.joined());
        assertEquals(first.job().id(), second.job().id());
        assertEquals(2, second.job().events());
        assertEquals("issue created; issue updated", second.job().reason());
        assertNotEquals(first.job().id(), other.job().id());
        assertEquals(2, queue.counts().of(JobStatus.QUEUED));
    }

    @Test
    public void aSyncRequestedWhileOneRunsQueuesASecondJobThatWaitsForTheFirst() {
        queue.enqueue("PM-12", "issue updated");
        SyncJob running = queue.claimNext("node-a").orElseThrow();
        Enqueued again = queue.enqueue("PM-12", "ticket closed");

        assertFalse("the running job has already read the issue; the change needs a new run", again.joined());
        assertEquals("another node must not sync the same post-mortem at once", Optional.empty(), queue.claimNext("node-b"));

        assertTrue(queue.complete(running.id(), "node-a"));
        assertEquals(again.job().id(), queue.claimNext("node-b").orElseThrow().id());
    }

    @Test
    public void claimsTheOldestDueJobAndCountsTheAttempt() {
        queue.enqueue("PM-1", "a");
        clock.advance(Duration.ofSeconds(1));
        queue.enqueue("PM-2", "b");

        SyncJob claimed = queue.claimNext("node-a").orElseThrow();
        assertEquals("PM-1", claimed.postMortemKey());
        assertEquals(JobStatus.RUNNING, claimed.status());
        assertEquals(1, claimed.attempts());
        assertEquals("PM-2", queue.claimNext("node-b").orElseThrow().postMortemKey());
        assertEquals(Optional.empty(), queue.claimNext("node-c"));
    }

    @Test
    public void aFailureWaitsADoublingBackoffThenEndsInTheDeadLetterList() {
        queue.enqueue("PM-12", "issue updated");
        SyncJob job = queue.claimNext("node-a").orElseThrow();
        SyncJob afterFirst = queue.fail(job.id(), "node-a", "Jira said 500").orElseThrow();
        assertEquals(JobStatus.QUEUED, afterFirst.status());
        assertEquals(clock.instant().plus(Duration.ofMinutes(1)), afterFirst.nextRun());
        assertEquals(Optional.empty(), queue.claimNext("node-a"));

        clock.advance(Duration.ofMinutes(1));
        SyncJob second = queue.claimNext("node-a").orElseThrow();
        assertEquals(clock.instant().plus(Duration.ofMinutes(2)), queue.fail(second.id(), "node-a", "Jira said 500").orElseThrow().nextRun());

        clock.advance(Duration.ofMinutes(2));
        SyncJob third = queue.claimNext("node-a").orElseThrow();
        SyncJob dead = queue.fail(third.id(), "node-a", "Confluence said 401").orElseThrow();
        assertEquals(JobStatus.DEAD, dead.status());
        assertEquals(3, dead.attempts());
        assertEquals(Optional.of("Confluence said 401"), dead.lastError());
        assertEquals(List.of(dead.id()), queue.list(JobStatus.DEAD, 10).stream().map(SyncJob::id).toList());
    }

    @Test
    public void backoffDoublesUpToItsCap() {
        assertEquals(Duration.ofMinutes(1), policy.backoffAfter(1));
        assertEquals(Duration.ofMinutes(2), policy.backoffAfter(2));
        assertEquals(Duration.ofMinutes(8), policy.backoffAfter(4));
        assertEquals(Duration.ofMinutes(10), policy.backoffAfter(5));
        assertEquals(Duration.ofMinutes(10), policy.backoffAfter(40));
    }

    @Test
    public void aFailureWhileANewerJobWaitsIsSupersededNotRetried() {
        queue.enqueue("PM-12", "issue updated");
        SyncJob running = queue.claimNext("node-a").orElseThrow();
        Enqueued newer = queue.enqueue("PM-12", "ticket closed");

        SyncJob failed = queue.fail(running.id(), "node-a", "timeout").orElseThrow();
        assertEquals(JobStatus.SUPERSEDED, failed.status());
        assertEquals(1, queue.counts().of(JobStatus.QUEUED));
        assertEquals(newer.job().id(), queue.claimNext("node-a").orElseThrow().id());
    }

    @Test
    public void aDeadJobReplaysWithFreshAttempts() {
        SyncJob dead = killOne("PM-12");
        Enqueued replayed = queue.replay(dead.id()).orElseThrow();

        assertFalse(replayed.joined());
        assertEquals(JobStatus.QUEUED, replayed.job().status());
        assertEquals(0, replayed.job().attempts());
        assertEquals(dead.id(), queue.claimNext("node-a").orElseThrow().id());
        assertEquals("only dead jobs replay", Optional.empty(), queue.replay(dead.id()));
    }

    @Test
    public void replayingADeadJobWhenANewerOneWaitsJoinsIt() {
        SyncJob dead = killOne("PM-12");
        Enqueued newer = queue.enqueue("PM-12", "issue updated");

        Enqueued replayed = queue.replay(dead.id()).orElseThrow();
        assertTrue(replayed.joined());
        assertEquals(newer.job().id(), replayed.job().id());
        assertEquals(0, queue.counts().of(JobStatus.DEAD));
        assertEquals(1, queue.counts().of(JobStatus.QUEUED));
    }

    @Test
    public void aJobWhoseNodeDiedIsTakenUpAfterItsLease() {
        queue.enqueue("PM-12", "issue updated");
        SyncJob claimed = queue.claimNext("node-a").orElseThrow();
        clock.advance(Duration.ofMinutes(14));
        assertEquals("the lease still holds", Optional.empty(), queue.claimNext("node-b"));

        clock.advance(Duration.ofMinutes(2));
        SyncJob requeued = queue.latest("PM-12").orElseThrow();
        assertEquals(JobStatus.RUNNING, requeued.status());
        assertEquals(Optional.empty(), queue.claimNext("node-b"));
        SyncJob after = queue.latest("PM-12").orElseThrow();
        assertEquals("back in the queue with backoff", JobStatus.QUEUED, after.status());
        assertTrue(after.lastError().orElseThrow().contains("node-a"));

        clock.advance(Duration.ofMinutes(1));
        SyncJob retaken = queue.claimNext("node-b").orElseThrow();
        assertEquals(claimed.id(), retaken.id());
        assertFalse("the dead node's late answer changes nothing", queue.complete(claimed.id(), "node-a"));
        assertTrue(queue.complete(claimed.id(), "node-b"));
    }

    @Test
    public void finishedJobsArePurgedInChunksOfAtMostAThousandAndLiveOnesKept() throws Exception {
        long old = clock.millis();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 1; i <= 1204; i++) rows.add(SyncJobRows.row("PM-" + i, i % 2 == 0 ? JobStatus.DONE : JobStatus.SUPERSEDED, old));
        rows.add(SyncJobRows.row("PM-9999", JobStatus.DEAD, old));
        db.activeObjects().entityManager().create(SyncJobEntity.class, rows);
        queue.enqueue("PM-5000", "issue updated");
        int transactionsBefore = db.activeObjects().transactions();
        clock.advance(Duration.ofDays(31));

        assertEquals(1204, queue.purgeFinished(clock.instant().minus(Duration.ofDays(30)), 5000));
        assertEquals("a chunk of 1000 rows, then one of 204", 2, db.activeObjects().transactions() - transactionsBefore);
        assertEquals(0, queue.counts().of(JobStatus.DONE));
        assertEquals(0, queue.counts().of(JobStatus.SUPERSEDED));
        assertEquals("dead jobs wait for an admin", 1, queue.counts().of(JobStatus.DEAD));
        assertEquals(1, queue.counts().of(JobStatus.QUEUED));
    }

    @Test
    public void simultaneousEventsFromSeveralNodesQueueOneJob() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        Set<Integer> ids = ConcurrentHashMap.newKeySet();
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            futures.add(pool.submit(() -> {
                start.await();
                ids.add(queue.enqueue("PM-77", "issue updated").job().id());
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : futures) f.get(30, TimeUnit.SECONDS);
        pool.shutdown();

        assertEquals(1, ids.size());
        assertEquals(8, queue.latest("PM-77").orElseThrow().events());
        assertTrue(locks.requested().contains(SyncQueue.enqueueLockName("PM-77")));
    }

    @Test
    public void refusesWhatIsNotAnIssueKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> queue.enqueue("PM 12; DROP", "x"));
        assertTrue(e.getMessage().contains("is not a Jira issue key"));
        assertEquals(0, queue.counts().of(JobStatus.QUEUED));
    }

    private SyncJob killOne(String key) {
        queue.enqueue(key, "issue updated");
        SyncJob job = null;
        for (int i = 0; i < policy.maxAttempts(); i++) {
            clock.advance(Duration.ofHours(1));
            SyncJob claimed = queue.claimNext("node-a").orElseThrow();
            job = queue.fail(claimed.id(), "node-a", "Jira said 503").orElseThrow();
        }
        assertEquals(JobStatus.DEAD, job.status());
        return job;
    }
}
