package io.hindsight.server.queue;

import io.hindsight.core.sync.NotAPostMortem;
import io.hindsight.core.sync.SyncDeferred;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs sync jobs one after another. A failed job is retried later with backoff and, after the last
 * attempt, left in the dead-letter list; a job the sync defers waits for the time it names without using
 * an attempt, and a job about an issue that is no post-mortem is dead at once. Stopping finishes the job
 * in hand first.
 * <p>
 * While a job runs, its lease is renewed by a heartbeat; a job whose lease ran out lost its worker (the
 * process was killed, its machine lost) and is put back by any worker that looks, so on a shared
 * PostgreSQL another instance takes it over within about {@link #DEFAULT_LEASE} plus a check interval.
 */
public final class Worker implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(Worker.class);
    /**
     * How long a running job's lease lasts without a heartbeat. Heartbeats come every quarter of it, so a
     * worker must miss three before another takes its job; instances sharing a database need clocks within
     * a few seconds of each other (NTP), since each writes and reads the lease by its own clock.
     */
    public static final Duration DEFAULT_LEASE = Duration.ofSeconds(45);
    /** One thread renews the leases of every worker in the process: a renewal is one short UPDATE. */
    private static final ScheduledExecutorService HEARTBEATS = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "hindsight-job-heartbeat");
        t.setDaemon(true);
        return t;
    });

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
    private Duration lease = DEFAULT_LEASE;
    private long lastRecovery = Long.MIN_VALUE;
    final AtomicLong done = new AtomicLong();
    final AtomicLong failed = new AtomicLong();

    /** Told the result and duration of each job, for metrics. */
    public interface Listener {
        void job(String result, long micros);
    }

    private Listener listener = (r, m) -> { };

    /** @param name unique among every worker sharing the database: it marks the jobs this worker holds */
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

    /** A lease other than {@link #DEFAULT_LEASE}: heartbeats and the look for abandoned jobs come every quarter of it. */
    public Worker withLease(Duration lease) {
        if (lease.toMillis() < 400) throw new IllegalArgumentException("a job lease must be at least 400 ms, not " + lease);
        this.lease = lease;
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

    /** Every quarter lease: put back jobs whose worker (in this process or another) stopped renewing their lease. */
    private void recoverStaleJobs() {
        long now = System.nanoTime();
        if (lastRecovery != Long.MIN_VALUE && now - lastRecovery < lease.toNanos() / 4) return;
        lastRecovery = now;
        int n = queue.recoverStale(lease);
        if (n > 0) LOG.warn("worker {}: took over {} job(s) whose worker stopped renewing its lease for {} s", name, n, lease.toSeconds());
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
        queue.release(j.id(), name);
        return Optional.of(j);
    }

    private void run(Job job) {
        long started = System.nanoTime();
        current = job;
        AtomicBoolean held = new AtomicBoolean(true);
        ScheduledFuture<?> heartbeat = HEARTBEATS.scheduleAtFixedRate(() -> renew(job, held), lease.toMillis() / 4, lease.toMillis() / 4, TimeUnit.MILLISECONDS);
        try {
            engine.sync(job.postMortem());
            heartbeat.cancel(false);
            if (!queue.done(job.id(), name)) {
                LOG.warn("job {} ({}) finished, but another worker had taken it over after this one's lease ran out; its outcome stands", job.id(), job.postMortem());
            }
            done.incrementAndGet();
            listener.job("done", (System.nanoTime() - started) / 1000);
            LOG.info("job {} synced {} in {} ms", job.id(), job.postMortem(), (System.nanoTime() - started) / 1_000_000);
        } catch (SyncDeferred e) {
            // nothing was written and nothing failed: the job waits for the time the sync named, its attempt given back
            heartbeat.cancel(false);
            listener.job("deferred", (System.nanoTime() - started) / 1000);
            Job.Status now = queue.deferred(job.id(), name, e.notBefore(), e.getMessage());
            LOG.info("job {} ({}) waits until {}: {}{}", job.id(), job.postMortem(), e.notBefore(), e.getMessage(),
                    now == null ? "; another worker had taken it over" : now == Job.Status.SUPERSEDED ? "; a newer job of it is queued" : "");
        } catch (NotAPostMortem e) {
            // no retry can turn a ticket into a post-mortem: dead at once, with the reason an operator reads in 'hindsight jobs'
            heartbeat.cancel(false);
            failed.incrementAndGet();
            listener.job("refused", (System.nanoTime() - started) / 1000);
            Job.Status now = queue.refused(job.id(), name, e.getMessage());
            LOG.warn("job {} ({}) refused: {}; {}", job.id(), job.postMortem(), e.getMessage(),
                    now == null ? "another worker had taken it over" : "left in the dead-letter list, not retried");
        } catch (RuntimeException e) {
            heartbeat.cancel(false);
            failed.incrementAndGet();
            listener.job("failed", (System.nanoTime() - started) / 1000);
            Job.Status now = queue.failed(job.id(), name, job.attempts(), e.getMessage());
            LOG.warn("job {} ({}) failed on attempt {}: {}; {}", job.id(), job.postMortem(), job.attempts(), e.getMessage(),
                    now == null ? "another worker had taken it over" : now == Job.Status.DEAD ? "left in the dead-letter list" : "it will be retried");
        } finally {
            heartbeat.cancel(false);
            current = null;
        }
    }

    /** One heartbeat; a failed renewal is logged and tried again at the next beat, a lost lease said once. */
    private void renew(Job job, AtomicBoolean held) {
        if (!held.get()) return;
        try {
            if (!queue.heartbeat(job.id(), name)) {
                held.set(false);
                LOG.warn("worker {}: lost the lease of job {} ({}): it was taken over after missed heartbeats", name, job.id(), job.postMortem());
            }
        } catch (RuntimeException e) {
            LOG.warn("worker {}: cannot renew the lease of job {}: {}", name, job.id(), e.getMessage());
        }
    }
}
