package io.hindsight.server.queue;

import io.hindsight.core.sync.SyncEngine;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;

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
        SyncEngine slow = mock(SyncEngine.class);
        doAnswer(inv -> {
            syncing.countDown();
            finish.await(10, TimeUnit.SECONDS);
            return null;
        }).when(slow).sync(anyString());
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
