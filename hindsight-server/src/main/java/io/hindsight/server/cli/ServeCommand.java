package io.hindsight.server.cli;

import io.hindsight.atlassian.http.AtlassianException;
import io.hindsight.atlassian.http.RequestCounter;
import io.hindsight.atlassian.sync.ReminderSweep;
import io.hindsight.core.lint.Checker;
import io.hindsight.core.markdown.MarkdownReader;
import io.hindsight.core.report.RemediationReport;
import io.hindsight.server.queue.JobQueue;
import io.hindsight.server.queue.Worker;
import io.hindsight.server.web.ApiToken;
import io.hindsight.server.web.Dashboard;
import io.hindsight.server.web.HttpService;
import io.hindsight.server.web.JsonApi;
import io.hindsight.server.web.Metrics;
import io.hindsight.server.web.SignInThrottle;
import io.hindsight.server.web.UpstreamCheck;
import io.hindsight.server.webhook.Signature;
import io.hindsight.server.webhook.WebhookIntake;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code hindsight serve}: takes Jira's webhooks and keeps post-mortems in sync. The webhook secret comes
 * from {@code HINDSIGHT_WEBHOOK_SECRET}; jobs are kept in an H2 database under {@code --data-dir}.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Runs the service: POST /webhooks/jira (signed with X-Hub-Signature), GET /healthz, /readyz and /metrics, the JSON API "
                + "under /api/ and a web page at / with the report and the job queue (both behind HINDSIGHT_API_TOKEN), a worker that syncs each post-mortem the webhooks name, and the reminder sweep. "
                + "Jobs survive restarts (H2 in --data-dir, or PostgreSQL). Stop with Ctrl-C: the job in hand is finished."})
final class ServeCommand implements Callable<Integer> {
    @Mixin
    SiteOptions site;

    @Mixin
    Configuration config;

    @Mixin
    EngineOptions engine;

    @Option(names = "--port", defaultValue = "8080", description = "Port for the webhook and health endpoints (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String bind;

    @Mixin
    DatabaseOptions db;

    @Option(names = "--workers", defaultValue = "2", paramLabel = "N",
            description = "Post-mortems synced side by side; each waits mostly on Jira, so a few help a backlog (default: ${DEFAULT-VALUE}).")
    int workerCount;

    @Option(names = "--remind-every", defaultValue = "60", paramLabel = "MINUTES",
            description = "Run the reminder sweep (see 'hindsight remind') this often; 0 turns reminders off (default: ${DEFAULT-VALUE}).")
    int remindEveryMinutes;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ServeCommand.class);

    @Option(names = "--project", defaultValue = "PM", paramLabel = "KEY", description = "The project post-mortems published through the API go to, "
            + "unless the call names one (default: ${DEFAULT-VALUE}).")
    String project;

    /** Where secrets come from; tests hand in their own. */
    Secrets secrets = Secrets.fromEnvironment();

    /** A running service: its port, and a graceful stop. */
    static final class Running implements AutoCloseable {
        private final HttpService service;
        private final List<Worker> workers;
        private final List<Thread> threads;
        private final ScheduledExecutorService background;

        private Running(HttpService service, List<Worker> workers, List<Thread> threads, ScheduledExecutorService background) {
            this.service = service;
            this.workers = workers;
            this.threads = threads;
            this.background = background;
        }

        int port() {
            return service.port();
        }

        /** Stops taking work, lets the job in hand finish (a minute at most, else it is put back), then closes. */
        @Override
        public void close() {
            background.shutdownNow();
            workers.forEach(Worker::stop);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            for (int i = 0; i < threads.size(); i++) {
                try {
                    threads.get(i).join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
                } catch (InterruptedException ignored) {
                    Thread.currentThread().interrupt();
                }
                if (threads.get(i).isAlive()) {
                    workers.get(i).releaseUnfinished().ifPresent(j -> log.warn("job {} ({}) did not finish in time; put back in the queue", j.id(), j.postMortem()));
                }
            }
            service.close();
        }
    }

    @Override
    public Integer call() throws Exception {
        Running running;
        try {
            running = start();
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("hindsight serve: " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (AtlassianException e) {
            // at start the service asks Jira who it is and which flavour it runs; without that it cannot tell its own edits apart
            spec.commandLine().getErr().println("hindsight serve: cannot start without Jira: " + e.getMessage());
            return ExitCodes.FINDINGS;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            running.close();
            stopped.countDown();
        }));
        spec.commandLine().getOut().println("hindsight serve: listening on http://" + bind + ":" + running.port() + "/webhooks/jira; jobs in " + db.describe());
        spec.commandLine().getOut().flush();
        stopped.await();
        return ExitCodes.OK;
    }

    /** Starts the service; a setting that cannot be used is an IllegalArgumentException saying what to set. */
    Running start() throws java.io.IOException {
        Signature signature;
        String secret = secrets.get("HINDSIGHT_WEBHOOK_SECRET").orElse(null);
        try {
            signature = new Signature(secret);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("set " + Secrets.howToSet("HINDSIGHT_WEBHOOK_SECRET") + " to the secret of Jira's webhook: " + e.getMessage());
        }
        Optional<ApiToken> apiToken = secrets.get("HINDSIGHT_API_TOKEN").map(ApiToken::new);
        JobQueue queue = this.db.open(secrets);
        RequestCounter counter = new RequestCounter();
        Wiring w = engine.wiring(site, config, counter);
        // Hindsight's own writes set off webhooks too; knowing its account lets the intake drop them. Asked before any
        // thread starts, so a Jira that cannot be reached stops the start cleanly
        String ownAccount = w.jira.myself().id();
        Metrics metrics = new Metrics(queue, counter::snapshot);
        // several workers sync different post-mortems side by side; the queue never gives two of them one post-mortem
        List<Worker> workers = new java.util.ArrayList<>();
        List<Thread> threads = new java.util.ArrayList<>();
        for (int i = 1; i <= Math.max(1, workerCount); i++) {
            Worker worker = new Worker(queue, w.engine, "worker-" + ProcessHandle.current().pid() + "-" + i, Duration.ofSeconds(1)).onJob(metrics::job);
            Thread thread = new Thread(worker, "hindsight-worker-" + i);
            thread.start();
            workers.add(worker);
            threads.add(thread);
        }
        // four threads: a long reminder sweep or report read must not hold up the readiness probes
        ScheduledExecutorService background = Executors.newScheduledThreadPool(4, r -> {
            Thread t = new Thread(r, "hindsight-background");
            t.setDaemon(true);
            return t;
        });
        // an authenticated read, so a revoked token shows as not ready, not only an unreachable Jira
        UpstreamCheck jiraUp = new UpstreamCheck("Jira", w.jira::issueTypes);
        background.scheduleWithFixedDelay(jiraUp::refresh, 0, 30, TimeUnit.SECONDS);
        // Confluence: the page every post-mortem page goes under, so a moved or restricted parent shows too
        String parent = engine.ids.read().parentPageId();
        UpstreamCheck confluenceUp = new UpstreamCheck("Confluence", () -> parent == null ? null
                : w.confluence.page(parent).orElseThrow(() -> new IllegalStateException("the parent page " + parent + " is gone or hidden from Hindsight; run 'hindsight provision'")));
        background.scheduleWithFixedDelay(confluenceUp::refresh, 0, 30, TimeUnit.SECONDS);
        HttpService service;
        try {
            service = new HttpService(bind, port, new WebhookIntake(signature, queue, "Post-mortem", "Remediation").ignoringChangesBy(ownAccount), queue, metrics,
                    List.of(jiraUp, confluenceUp));
        } catch (java.io.IOException e) {
            workers.forEach(Worker::stop);
            background.shutdownNow();
            throw new IllegalArgumentException("cannot listen on " + bind + ":" + port + " (" + e.getMessage() + "): choose another --port or --bind");
        }
        SignInThrottle throttle = SignInThrottle.defaults();
        service.mount("/api/", new JsonApi(apiToken, queue, new MarkdownReader(config.sloPolicy().actionClasses()),
                new Checker(config.templateRegistry(), config.sloPolicy(), config.clock()), w.tracker, project, config.clock()).throttledBy(throttle));
        Dashboard dashboard = new Dashboard(apiToken, queue, () -> RemediationReport.data(w.tracker.loadAll(null, 1000), LocalDate.now(config.clock())),
                Clock.systemUTC()).throttledBy(throttle);
        service.mount("/", dashboard);
        if (apiToken.isPresent()) {
            // read ahead, so people opening the page do not wait on Jira; a failed read keeps the last report and its time
            background.scheduleWithFixedDelay(() -> {
                try {
                    dashboard.refreshReport();
                } catch (RuntimeException e) {
                    log.warn("the web page's report could not be read from Jira: {}", e.getMessage());
                }
            }, 0, Dashboard.REPORT_FRESH.toSeconds() - 30, TimeUnit.SECONDS);
        }
        if (apiToken.isEmpty()) log.info("the JSON API under /api/ and the web page are off: set HINDSIGHT_API_TOKEN to turn them on");
        if (remindEveryMinutes > 0) {
            String label = config.sloPolicy().labels().isEmpty() ? null : config.sloPolicy().labels().get(0);
            if (label == null) {
                spec.commandLine().getErr().println("hindsight serve: the SLO policy names no remediation label, so reminders are off");
            } else {
                ReminderSweep sweep = new ReminderSweep(w.jira, label, config.clock(), w.tracker::approvers);
                background.scheduleWithFixedDelay(() -> {
                    // a failed sweep must not end the schedule: the next one retries, and labels keep it from repeating itself
                    try {
                        // one instance sweeps at a time; the labels keep a later sweep from repeating what this one sent
                        boolean ran = queue.exclusively("reminder-sweep", () -> {
                            int sent = sweep.run().size();
                            if (sent > 0) log.info("reminder sweep: {} reminder(s) sent", sent);
                        });
                        if (!ran) log.debug("reminder sweep skipped: another instance is sweeping");
                    } catch (RuntimeException e) {
                        log.warn("reminder sweep failed; next try in {} minute(s): {}", remindEveryMinutes, e.getMessage());
                    }
                }, 1, remindEveryMinutes, TimeUnit.MINUTES);
            }
        }
        return new Running(service, workers, threads, background);
    }
}
