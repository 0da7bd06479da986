package io.hindsight.server.service;

import io.hindsight.atlassian.http.RequestCounter;
import io.hindsight.core.model.IssueKey;
import io.hindsight.core.usecase.SendReminders;
import io.hindsight.server.queue.Job;
import io.hindsight.server.queue.JobQueue;
import io.hindsight.server.queue.Worker;
import io.hindsight.server.web.Access;
import io.hindsight.server.web.ApiToken;
import io.hindsight.server.web.Dashboard;
import io.hindsight.server.web.HttpService;
import io.hindsight.server.web.JsonApi;
import io.hindsight.server.web.Metrics;
import io.hindsight.server.web.SignInThrottle;
import io.hindsight.server.web.TrustedProxies;
import io.hindsight.server.web.UpstreamCheck;
import io.hindsight.server.webhook.Signature;
import io.hindsight.server.webhook.WebhookIntake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The running service, built in one place and stopped in one place: the webhook intake, health, metrics,
 * the JSON API and the web page on one HTTP server, the workers that sync what the queue holds, and the
 * background work (upstream probes, the report read ahead, the reminder sweep). {@code serve}, {@code demo}
 * and the tests start it the same way.
 */
public final class HindsightService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HindsightService.class);

    /**
     * How the service runs.
     *
     * @param workers        post-mortems synced side by side; 0 for none (the caller drains the queue itself)
     * @param remindEvery    how often the reminder sweep runs; zero turns it off
     * @param remindLabel    the label remediation tickets carry, for the sweep; null turns it off
     * @param background     whether Jira and Confluence are probed for /readyz and the report read ahead (off where requests are counted)
     * @param project        the project post-mortems published through the API go to, unless a call names one
     * @param trustedProxies the reverse proxies whose X-Forwarded-* headers are believed (client address, HTTPS)
     * @param httpLimits     timeouts and the thread budget of the HTTP side
     */
    public record Settings(String bind, int port, Signature signature, Optional<ApiToken> apiToken, int workers, Duration remindEvery,
                           String remindLabel, boolean background, String project, Clock clock, TrustedProxies trustedProxies, HttpService.Limits httpLimits) {
        /** Reached directly (no proxy is trusted), with the HTTP side's default limits. */
        public Settings(String bind, int port, Signature signature, Optional<ApiToken> apiToken, int workers, Duration remindEvery,
                        String remindLabel, boolean background, String project, Clock clock) {
            this(bind, port, signature, apiToken, workers, remindEvery, remindLabel, background, project, clock, TrustedProxies.NONE, HttpService.Limits.defaults());
        }

        public Settings withTrustedProxies(TrustedProxies proxies) {
            return new Settings(bind, port, signature, apiToken, workers, remindEvery, remindLabel, background, project, clock, proxies, httpLimits);
        }
    }

    private final HttpService http;
    private final JobQueue queue;
    private final Wiring site;
    private final List<Worker> workers = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final ScheduledExecutorService scheduler;
    private final Metrics metrics;
    private final Duration lease;
    /** Marks this process's workers apart from every other instance's on a shared database (pids repeat across machines). */
    private final String instance = ProcessHandle.current().pid() + "-" + java.util.HexFormat.of().formatHex(java.security.SecureRandom.getSeed(3));

    private HindsightService(HttpService http, JobQueue queue, Wiring site, ScheduledExecutorService scheduler, Metrics metrics, Duration lease) {
        this.http = http;
        this.queue = queue;
        this.site = site;
        this.scheduler = scheduler;
        this.metrics = metrics;
        this.lease = lease;
    }

    /** Starts the service with the default job lease ({@link Worker#DEFAULT_LEASE}). */
    public static HindsightService start(Settings s, Wiring site, JobQueue queue, RequestCounter counter) {
        return start(s, site, queue, counter, Worker.DEFAULT_LEASE);
    }

    /**
     * Starts the service. Asks Jira who Hindsight is first (its own edits set off webhooks too, and knowing
     * its account lets the intake drop them), so a Jira that cannot be reached stops the start before any
     * thread runs.
     *
     * @param lease how long a running job is held without a heartbeat before another worker may take it over
     * @throws IllegalArgumentException when the port cannot be had, saying what to change
     */
    public static HindsightService start(Settings s, Wiring site, JobQueue queue, RequestCounter counter, Duration lease) {
        String ownAccount = site.site.ownAccount();
        Metrics metrics = new Metrics(queue, counter::snapshot);
        // four threads: a long reminder sweep or report read must not hold up the readiness probes
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(4, r -> {
            Thread t = new Thread(r, "hindsight-background");
            t.setDaemon(true);
            return t;
        });
        List<UpstreamCheck> upstreams = new ArrayList<>();
        if (s.background()) {
            upstreams.add(new UpstreamCheck("Jira", site.site.jiraProbe()));
            upstreams.add(new UpstreamCheck("Confluence", site.site.confluenceProbe(site.ids.parentPageId())));
            // each probe decides on every tick whether it is due (every 30 s; later while Jira rate-limits Hindsight)
            upstreams.forEach(u -> scheduler.scheduleWithFixedDelay(u::refresh, 0, UpstreamCheck.TICK.toSeconds(), TimeUnit.SECONDS));
        }
        HttpService http;
        try {
            http = new HttpService(new HttpService.Options(s.bind(), s.port(), s.httpLimits(), s.trustedProxies()),
                    new WebhookIntake(s.signature(), queue).ignoringChangesBy(ownAccount), queue, metrics, upstreams);
        } catch (IOException e) {
            scheduler.shutdownNow();
            throw new IllegalArgumentException("cannot listen on " + s.bind() + ":" + s.port() + " (" + e.getMessage() + "): choose another --port or --bind");
        }
        // the API and the page share one throttle of wrong tokens, so guessing cannot switch between them
        Access access = new Access(s.apiToken(), SignInThrottle.defaults(), Clock.systemUTC());
        http.mount("/api/", JsonApi.MAX_BODY, new JsonApi(access, queue, site.lint, site.publish, site.report, s.project()));
        Dashboard dashboard = new Dashboard(access, queue, () -> site.report.build(null, 1000), site.site.jiraUrl(), Clock.systemUTC());
        http.mount("/", Dashboard.MAX_FORM, dashboard);
        if (access.on() && s.background()) {
            // read ahead, so people opening the page do not wait on Jira; a failed read keeps the last report and its time
            scheduler.scheduleWithFixedDelay(() -> {
                try {
                    dashboard.refreshReport();
                } catch (RuntimeException e) {
                    LOG.warn("the web page's report could not be read from Jira: {}", e.getMessage());
                }
            }, 0, Dashboard.REPORT_FRESH.toSeconds() - 30, TimeUnit.SECONDS);
        }
        if (!access.on()) LOG.info("the JSON API under /api/ and the web page are off: set HINDSIGHT_API_TOKEN to turn them on");
        if (!s.remindEvery().isZero() && s.remindLabel() != null) {
            SendReminders sweep = site.reminders(s.remindLabel(), true, s.clock());
            long minutes = s.remindEvery().toMinutes();
            scheduler.scheduleWithFixedDelay(() -> remind(queue, sweep, minutes), 1, minutes, TimeUnit.MINUTES);
        }
        // jobs a killed predecessor was running on a store only this process can open go back at once, not after their lease
        int reclaimed = queue.reclaimAbandoned();
        if (reclaimed > 0) LOG.warn("put back {} job(s) left running when the service last stopped without finishing them", reclaimed);
        HindsightService service = new HindsightService(http, queue, site, scheduler, metrics, lease);
        service.startWorkers(s.workers());
        return service;
    }

    /**
     * Starts {@code n} more worker threads. Several workers sync different post-mortems side by side; the queue
     * never gives two of them one post-mortem. The demo starts its workers once its own steps are done.
     */
    public synchronized void startWorkers(int n) {
        for (int i = 0; i < n; i++) {
            int number = workers.size() + 1;
            Worker worker = new Worker(queue, job(site), "worker-" + instance + "-" + number, Duration.ofSeconds(1)).withLease(lease).onJob(metrics::job);
            Thread thread = new Thread(worker, "hindsight-worker-" + number);
            thread.start();
            workers.add(worker);
            threads.add(thread);
        }
    }

    /** What a job does: sync the post-mortem it names. */
    static Worker.Sync job(Wiring site) {
        return postMortem -> site.sync.sync(IssueKey.of(postMortem));
    }

    /** A failed sweep must not end the schedule: the next one retries, and the labels keep it from repeating itself. */
    private static void remind(JobQueue queue, SendReminders sweep, long minutes) {
        try {
            // one instance sweeps at a time; the labels keep a later sweep from repeating what this one sent
            boolean ran = queue.exclusively("reminder-sweep", () -> {
                int sent = sweep.run().size();
                if (sent > 0) LOG.info("reminder sweep: {} reminder(s) sent", sent);
            });
            if (!ran) LOG.debug("reminder sweep skipped: another instance is sweeping");
        } catch (RuntimeException e) {
            LOG.warn("reminder sweep failed; next try in {} minute(s): {}", minutes, e.getMessage());
        }
    }

    public int port() {
        return http.port();
    }

    public JobQueue queue() {
        return queue;
    }

    /** Runs the ready jobs on the caller's thread until none is left; how many ran. For a service started with no workers. */
    public int drain() {
        return new Worker(queue, job(site), "drain-" + instance, Duration.ofMillis(50)).withLease(lease).onJob(metrics::job).drain();
    }

    /**
     * Stops taking work, lets the jobs in hand finish (a minute at most, else they are put back), then closes
     * the HTTP side and, last, the job database when the queue owns it: the outcomes of the jobs in hand are
     * written before it closes.
     */
    @Override
    public synchronized void close() {
        scheduler.shutdownNow();
        workers.forEach(Worker::stop);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        for (int i = 0; i < threads.size(); i++) {
            try {
                threads.get(i).join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
            if (threads.get(i).isAlive()) {
                Optional<Job> back = workers.get(i).releaseUnfinished();
                back.ifPresent(j -> LOG.warn("job {} ({}) did not finish in time; put back in the queue", j.id(), j.postMortem()));
            }
        }
        http.close();
        queue.close();
    }
}
