package io.hindsight.server.cli;

import io.hindsight.atlassian.http.AtlassianException;
import io.hindsight.atlassian.http.RequestCounter;
import io.hindsight.server.queue.JobQueue;
import io.hindsight.server.service.HindsightService;
import io.hindsight.server.service.Wiring;
import io.hindsight.server.web.ApiToken;
import io.hindsight.server.web.TrustedProxies;
import io.hindsight.server.webhook.Signature;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

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

    @Option(names = "--trusted-proxy", paramLabel = "CIDR[,CIDR]", description = "Reverse proxies (addresses or CIDR ranges) whose X-Forwarded-For, "
            + "-Proto and -Host headers are believed: the caller's address (for slowing down wrong tokens), HTTPS (the session cookie's Secure flag) "
            + "and the page's origin come from them. Without it those headers are ignored (default: none).")
    String trustedProxies;

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

    @Option(names = "--project", defaultValue = "PM", paramLabel = "KEY", description = "The project post-mortems published through the API go to, "
            + "unless the call names one (default: ${DEFAULT-VALUE}).")
    String project;

    @Option(names = "--job-lease", defaultValue = "45", paramLabel = "SECONDS", hidden = true,
            description = "How long a running job is held without a heartbeat before another worker may take it over (default: ${DEFAULT-VALUE}).")
    int jobLeaseSeconds;

    // hidden like --job-lease: the default suits every proxy timeout we know of; tests shorten it to see the wait end
    @Option(names = "--unsettled-window", defaultValue = "180", paramLabel = "SECONDS", hidden = true,
            description = "After a create of tickets got no answer, how long no sync creates tickets for that post-mortem (default: ${DEFAULT-VALUE}).")
    int unsettledWindowSeconds;

    /** Where secrets come from; tests hand in their own. */
    Secrets secrets = Secrets.fromEnvironment();

    @Override
    public Integer call() throws Exception {
        HindsightService running;
        try {
            running = start();
        } catch (RuntimeException e) {
            // at start the service asks Jira who it is and which flavour it runs; without that it cannot tell its own edits apart
            Failure f = Failure.of(e);
            spec.commandLine().getErr().println("hindsight serve: " + (e instanceof AtlassianException ? "cannot start without Jira: " : "") + f.message());
            return f.exit();
        }
        CountDownLatch stopped = new CountDownLatch(1);
        // SIGTERM and Ctrl-C: the jobs in hand finish and their outcome is written before the database closes
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            running.close();
            if (db.h2()) RunningService.forget(db.dataDir);
            stopped.countDown();
        }, "hindsight-stop"));
        // 'hindsight jobs' cannot open an H2 file this process holds; the note tells it where to ask instead
        if (db.h2()) RunningService.note(db.dataDir, bind, running.port());
        spec.commandLine().getOut().println("hindsight serve: listening on http://" + bind + ":" + running.port() + "/webhooks/jira; jobs in " + db.describe());
        spec.commandLine().getOut().flush();
        stopped.await();
        return ExitCodes.OK;
    }

    /** Starts the service; a setting that cannot be used is an IllegalArgumentException saying what to set. */
    HindsightService start() throws java.io.IOException {
        Signature signature;
        String secret = secrets.get("HINDSIGHT_WEBHOOK_SECRET").orElse(null);
        try {
            signature = new Signature(secret);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("set " + Secrets.howToSet("HINDSIGHT_WEBHOOK_SECRET") + " to the secret of Jira's webhook: " + e.getMessage());
        }
        Optional<ApiToken> apiToken = secrets.get("HINDSIGHT_API_TOKEN").map(ApiToken::new);
        TrustedProxies proxies = TrustedProxies.parse(trustedProxies);
        if (jobLeaseSeconds < 1) throw new IllegalArgumentException("--job-lease wants seconds, 1 or more, not " + jobLeaseSeconds);
        if (unsettledWindowSeconds < 1) throw new IllegalArgumentException("--unsettled-window wants seconds, 1 or more, not " + unsettledWindowSeconds);
        RequestCounter counter = new RequestCounter();
        // the site first: a Jira that cannot be reached or a setting that is wrong stops the start before the database is opened
        Wiring w = engine.wiring(site, config, counter, Duration.ofSeconds(unsettledWindowSeconds));
        JobQueue queue = this.db.open(secrets);
        String label = config.sloPolicy().labels().isEmpty() ? null : config.sloPolicy().labels().get(0);
        if (remindEveryMinutes > 0 && label == null) {
            spec.commandLine().getErr().println("hindsight serve: the SLO policy names no remediation label, so reminders are off");
        }
        try {
            return HindsightService.start(new HindsightService.Settings(bind, port, signature, apiToken, Math.max(1, workerCount),
                    Duration.ofMinutes(Math.max(0, remindEveryMinutes)), label, true, project, config.clock()).withTrustedProxies(proxies), w, queue, counter,
                    Duration.ofSeconds(jobLeaseSeconds));
        } catch (RuntimeException e) {
            queue.close();
            throw e;
        }
    }
}
