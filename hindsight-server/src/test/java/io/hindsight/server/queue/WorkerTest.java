package io.hindsight.server.queue;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/** A shutdown that cannot wait for the sync in hand puts the job back rather than leaving it "running". */
public class WorkerTest {
    @Test
    public void theJobInHandIsPutBackWhenTheWorkerCannotFinishIt() throws Exception {
        JdbcDataSource db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:worker" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        JobQueue queue = new JobQueue(db, Clock.systemUTC(), 3);
        queue.accept("d-1", "jira:issue_updated", "PM-1", "PM-1");
        CountDownLatch syncing = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        // a sync that takes as long as the test says
        Worker.Sync slow = postMortem -> {
            syncing.countDown();
            try {
                finish.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        Worker worker = new Worker(queue, slow, "w1", Duration.ofMillis(10));
        Thread t = new Thread(worker::drain);
        t.start();
        assertTrue(syncing.await(10, TimeUnit.SECONDS));
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
}
