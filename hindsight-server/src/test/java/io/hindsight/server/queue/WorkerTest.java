package io.hindsight.server.queue;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/** A worker and the job in its hands: put back when a shutdown cannot wait for it, kept by heartbeats while it runs. */
public class WorkerTest {
    private final JobQueue queue = onePm1Job();
    /** A sync that takes as long as the test says. */
    private final CountDownLatch syncing = new CountDownLatch(1);
    private final CountDownLatch finish = new CountDownLatch(1);
    private final Worker.Sync held = postMortem -> {
        syncing.countDown();
        try {
            finish.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    };

    /** A fresh in-memory queue holding one job of PM-1. */
    private static JobQueue onePm1Job() {
        JdbcDataSource db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:worker" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        JobQueue queue = new JobQueue(db, Clock.systemUTC(), 3);
        queue.accept("d-1", "jira:issue_updated", "PM-1", "PM-1");
        return queue;
    }

    private Thread draining(Worker worker) throws InterruptedException {
        Thread t = new Thread(worker::drain);
        t.start();
        assertTrue(syncing.await(10, TimeUnit.SECONDS));
        return t;
    }

    @Test
    public void theJobInHandIsPutBackWhenTheWorkerCannotFinishIt() throws Exception {
        Worker worker = new Worker(queue, held, "w1", Duration.ofMillis(10));
        Thread t = draining(worker);
        assertEquals(Job.Status.RUNNING, queue.all().get(0).status());

        worker.stop();
        assertEquals("PM-1", worker.releaseUnfinished().orElseThrow().postMortem());
        Job back = queue.all().get(0);
        assertEquals(Job.Status.QUEUED, back.status());
        assertEquals("the interrupted attempt does not count", 0, back.attempts());
        finish.countDown();
        t.join(10_000);
        assertTrue("nothing in hand once the sync returned", worker.releaseUnfinished().isEmpty());
    }

    @Test
    public void aSyncLongerThanTheLeaseKeepsItsJobBecauseItsWorkerHeartbeats() throws Exception {
        Duration lease = Duration.ofMillis(1200);
        Thread t = draining(new Worker(queue, held, "w1", Duration.ofMillis(10)).withLease(lease));
        // another instance looks for abandoned jobs all through a sync longer than two leases
        long until = System.nanoTime() + 5 * lease.toNanos() / 2;
        while (System.nanoTime() < until) {
            assertEquals("the job of a live worker is never taken over", 0, queue.recoverStale(lease));
            Thread.sleep(50);
        }
        finish.countDown();
        t.join(10_000);
        assertEquals(Job.Status.DONE, queue.all().get(0).status());
        assertEquals(1, queue.all().get(0).attempts());
    }

    @Test
    public void aDeferredSyncWaitsForTheTimeItNamesWithoutUsingAnAttempt() {
        java.time.Instant notBefore = java.time.Instant.now().plus(Duration.ofMinutes(3));
        Worker worker = new Worker(queue, pm -> {
            throw new io.hindsight.core.sync.SyncDeferred("an earlier create of tickets for " + pm + " got no answer", notBefore);
        }, "w1", Duration.ofMillis(10));

        assertEquals("the deferred job is not ready again at once", 1, worker.drain());
        Job waiting = queue.all().get(0);
        assertEquals(Job.Status.QUEUED, waiting.status());
        assertEquals("waiting is no failed attempt", 0, waiting.attempts());
        assertEquals(notBefore.truncatedTo(java.time.temporal.ChronoUnit.MILLIS), waiting.runAfter().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        assertTrue(waiting.lastError(), waiting.lastError().contains("got no answer"));
    }

    @Test
    public void aJobAboutAnIssueThatIsNoPostMortemIsDeadAtOnceWithTheReason() {
        Worker worker = new Worker(queue, pm -> {
            throw new io.hindsight.core.sync.NotAPostMortem(io.hindsight.core.model.IssueKey.of(pm), pm + " is a Task, not a Post-mortem");
        }, "w1", Duration.ofMillis(10));

        worker.drain();
        Job dead = queue.all().get(0);
        assertEquals("not retried three times with backoff", Job.Status.DEAD, dead.status());
        assertEquals(1, dead.attempts());
        assertEquals("PM-1 is a Task, not a Post-mortem", dead.lastError());
    }
}
