package io.hindsight.server.queue;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs sync jobs one after another. A failed job is retried later with backoff and, after the last
 * attempt, left in the dead-letter list; stopping finishes the job in hand first.
 */
public final class Worker implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(Worker.class);

    /** What a job does: bring one post-mortem in step (the service runs {@code SyncPostMortem}). */
    public interface Sync {
        void sync(String postMortem);
    }

    private final JobQueue queue;
    private final Sync engine;
    private final String name;
    private final Duration idle;
    private final AtomicBoolean running = new AtomicBoolean(true);
    /** The job being run, so a shutdown that cannot wait for it can put it back. */
    private volatile Job current;
    /** A job running longer than this is taken to have lost its worker (see {@link JobQueue#recoverStale}). */
    private static final Duration LEASE = Duration.ofMinutes(15);
    private long lastRecovery = Long.MIN_VALUE;
    final AtomicLong done = new AtomicLong();
    final AtomicLong failed = new AtomicLong();

    /** Told the result and duration of each job, for metrics. */
    public interface Listener {
        void job(String result, long micros);
    }

    private Listener listener = (r, m) -> { };

    public Worker(JobQueue queue, Sync engine, String name, Duration idle) {
        this.queue = queue;
        this.engine = engine;
        this.name = name;
        this.idle = idle;
    }

    public Worker onJob(Listener l) {
        this.listener = l;
        return this;
    }

    /** Runs the ready jobs until none is left; returns how many ran. For tests and one-shot use. */
    public int drain() {
        int n = 0;
        for (Optional<Job> job = queue.claim(name); job.isPresent(); job = queue.claim(name)) {
            run(job.get());
            n++;
        }
        return n;
    }

    @Override
    public void run() {
        while (running.get()) {
            try {
                recoverStaleJobs();
                if (drain() == 0) Thread.sleep(idle.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.error("worker {}: the job store failed; trying again in {}", name, idle, e);
            }
        }
    }

    /** At most once a minute: put back jobs whose worker (in this process or another) vanished mid-run. */
    private void recoverStaleJobs() {
        long now = System.nanoTime();
        if (lastRecovery != Long.MIN_VALUE && now - lastRecovery < Duration.ofMinutes(1).toNanos()) return;
        lastRecovery = now;
        int n = queue.recoverStale(LEASE);
        if (n > 0) LOG.warn("worker {}: put back {} job(s) whose worker stopped answering more than {} into its run", name, n, LEASE);
    }

    public void stop() {
        running.set(false);
    }

    /**
     * For a shutdown that could not wait for the job in hand: puts it back in the queue as it was, so
     * another worker (or this one after a restart) runs it, instead of it waiting out its lease.
     *
     * @return the job put back, if there was one
     */
    public Optional<Job> releaseUnfinished() {
        Job j = current;
        if (j == null) return Optional.empty();
        queue.release(j.id());
        return Optional.of(j);
    }

    private void run(Job job) {
        long started = System.nanoTime();
        current = job;
        try {
            engine.sync(job.postMortem());
            queue.done(job.id());
            done.incrementAndGet();
            listener.job("done", (System.nanoTime() - started) / 1000);
            LOG.info("job {} synced {} in {} ms", job.id(), job.postMortem(), (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            failed.incrementAndGet();
            listener.job("failed", (System.nanoTime() - started) / 1000);
            Job.Status now = queue.failed(job.id(), job.attempts(), e.getMessage());
            LOG.warn("job {} ({}) failed on attempt {}: {}; {}", job.id(), job.postMortem(), job.attempts(), e.getMessage(),
                    now == Job.Status.DEAD ? "left in the dead-letter list" : "it will be retried");
        } finally {
            current = null;
        }
    }
}
