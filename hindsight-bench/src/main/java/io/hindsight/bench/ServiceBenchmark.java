package io.hindsight.bench;

import io.hindsight.atlassian.adapter.AtlassianSite;
import io.hindsight.atlassian.http.Credentials;
import io.hindsight.atlassian.http.HttpSettings;
import io.hindsight.atlassian.http.RequestCounter;
import io.hindsight.atlassian.provision.ProvisionedIds;
import io.hindsight.atlassian.provision.Provisioner;
import io.hindsight.atlassian.provision.ProvisioningSpec;
import io.hindsight.core.model.IssueKey;
import io.hindsight.core.port.PostMortemStore;
import io.hindsight.core.port.Schema;
import io.hindsight.core.usecase.SyncPostMortem;
import java.util.Optional;
import io.hindsight.core.lint.Checker;
import io.hindsight.core.markdown.MarkdownReader;
import io.hindsight.core.plan.RemediationPlanner;
import io.hindsight.core.plan.SloPolicy;
import io.hindsight.core.plan.SloPolicyLoader;
import io.hindsight.core.render.PostMortemRenderer;
import io.hindsight.core.template.TemplateRegistry;
import io.hindsight.sandbox.site.Flavor;
import io.hindsight.sandbox.Sandbox;
import io.hindsight.server.queue.JobQueue;
import io.hindsight.server.queue.Worker;
import io.hindsight.server.web.HttpService;
import io.hindsight.server.webhook.Signature;
import io.hindsight.server.webhook.WebhookIntake;
import org.h2.jdbcx.JdbcConnectionPool;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The service's numbers, printed: webhook intake throughput and latency (p50, p99 over 2,000 signed
 * deliveries from 8 clients at once on loopback, each stored durably before the 202, on H2 on disk and, when
 * {@code HINDSIGHT_BENCH_POSTGRES_URL} names one, on PostgreSQL) and jobs per second (real syncs against the
 * sandbox). Arguments: deliveries, jobs, and {@code intake} to measure the intake only. Run: {@code java -cp hindsight-bench/target/benchmarks.jar io.hindsight.bench.ServiceBenchmark}.
 */
public final class ServiceBenchmark {
    private static final String SECRET = "benchmark-webhook-secret";

    /** Clients sending at once, as Jira's webhook senders and a burst of edits do. */
    private static final int CLIENTS = 8;

    /**
     * {@value #CLIENTS} clients send signed deliveries at once (each its own connection, the next as soon as the
     * last was answered); prints deliveries per second over the whole run and the latency from send to the 202.
     * A first round of 200 warms the JIT, the pool and the server's threads up and is not counted.
     */
    private static void intake(JobQueue queue, Signature signature, int deliveries, String store) throws Exception {
        try (HttpService service = new HttpService("127.0.0.1", 0, new WebhookIntake(signature, queue), queue)) {
            URI url = URI.create("http://127.0.0.1:" + service.port() + "/webhooks/jira");
            round(url, signature, 200, store + "-warm");
            long t0 = System.nanoTime();
            long[] micros = round(url, signature, deliveries, store);
            double seconds = (System.nanoTime() - t0) / 1e9;
            Arrays.sort(micros);
            System.out.printf("webhook intake, %d signed deliveries from %d clients stored durably (%s): %.0f deliveries/s, p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                    deliveries, CLIENTS, store, deliveries / seconds, micros[deliveries / 2] / 1000.0, micros[(int) (deliveries * 0.99)] / 1000.0,
                    micros[deliveries - 1] / 1000.0);
        }
    }

    /** One round: {@code deliveries} split over {@value #CLIENTS} client threads; each one's latency in microseconds. */
    private static long[] round(URI url, Signature signature, int deliveries, String prefix) throws Exception {
        long[] micros = new long[deliveries];
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.ExecutorService clients = java.util.concurrent.Executors.newFixedThreadPool(CLIENTS);
        try {
            List<java.util.concurrent.Future<?>> running = new java.util.ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                running.add(clients.submit(() -> {
                    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                    for (int i = next.getAndIncrement(); i < deliveries; i = next.getAndIncrement()) {
                        String pm = "PM-" + (i % 500 + 1);
                        byte[] body = ("{\"webhookEvent\":\"jira:issue_updated\",\"issue\":{\"key\":\"" + pm
                                + "\",\"fields\":{\"issuetype\":{\"name\":\"Post-mortem\"}}}}").getBytes(StandardCharsets.UTF_8);
                        HttpRequest req = HttpRequest.newBuilder(url).header("X-Hub-Signature", signature.sign(body))
                                .header("X-Atlassian-Webhook-Identifier", "bench-" + prefix + "-" + i).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
                        long t0 = System.nanoTime();
                        HttpResponse<String> r = client.send(req, HttpResponse.BodyHandlers.ofString());
                        micros[i] = (System.nanoTime() - t0) / 1000;
                        if (r.statusCode() != 202) throw new IllegalStateException("intake answered " + r.statusCode() + ": " + r.body());
                    }
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> f : running) f.get();
        } finally {
            clients.shutdownNow();
        }
        return micros;
    }

    public static void main(String[] args) throws Exception {
        int deliveries = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int jobs = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        SloPolicy policy = SloPolicyLoader.defaults();
        Path dir = Files.createTempDirectory("hindsight-bench");
        Signature signature = new Signature(SECRET);
        // H2 as the service opens it (each commit written before it returns), then with H2's default write delay
        // (commits held up to 500 ms: lost by a SIGKILL), for the ratio; the second file is fresh
        // alternated, two rounds each, so that neither gets the JIT's warm-up alone
        for (int round = 1; round <= 2; round++) {
            Path own = Files.createDirectories(dir.resolve("service-" + round));
            // pooled: opening the H2 file for every request costs tens of milliseconds
            JdbcConnectionPool db = JdbcConnectionPool.create("jdbc:h2:file:" + dir.resolve("jobs-" + round), "sa", "");
            intake(new JobQueue(db, Clock.systemUTC(), 3), signature, deliveries, "H2 on disk, H2's default write delay (before), round " + round);
            intake(new JobQueue(io.hindsight.server.queue.Databases.open(null, own), Clock.systemUTC(), 3), signature, deliveries,
                    "H2 on disk, as the service opens it (WRITE_DELAY=0), round " + round);
        }
        // the same on PostgreSQL when one is named (pooled connections, the advisory lock per post-mortem)
        String pg = System.getenv("HINDSIGHT_BENCH_POSTGRES_URL");
        if (pg != null && !pg.isBlank()) {
            javax.sql.DataSource pgDb = io.hindsight.server.queue.Databases.open(pg, dir);
            try (java.sql.Connection c = pgDb.getConnection(); java.sql.Statement st = c.createStatement()) {
                st.execute("DROP TABLE IF EXISTS jobs, deliveries, flyway_schema_history CASCADE");
            }
            intake(new JobQueue(pgDb, Clock.systemUTC(), 3), signature, deliveries, "PostgreSQL");
        } else {
            System.out.println("(set HINDSIGHT_BENCH_POSTGRES_URL to measure the intake on PostgreSQL too; its tables there are dropped first)");
        }
        if (args.length > 2 && args[2].equals("intake")) return;

        try (Sandbox sandbox = Sandbox.start(Flavor.DATA_CENTER, 0)) {
            // jobs per second: real syncs of distinct post-mortems against the sandbox
            Credentials creds = Credentials.personalAccessToken(Sandbox.ADMIN_TOKEN);
            AtlassianSite.Endpoint endpoint = new AtlassianSite.Endpoint(sandbox.url(), creds, HttpSettings.defaults(), new RequestCounter());
            AtlassianSite site = AtlassianSite.connect(endpoint, Optional.of(endpoint), Optional.of(AtlassianSite.Flavor.DATA_CENTER));
            Provisioner provisioner = site.provisioner();
            ProvisionedIds ids = provisioner.apply(provisioner.plan(ProvisioningSpec.defaults("PM", Schema.TICKET_LABEL, "OPS")));
            PostMortemStore tracker = site.postMortems(ids, policy.actionClasses());
            SyncPostMortem sync = new SyncPostMortem(tracker, site.tickets(ids), site.pages("OPS", ids),
                    new Checker(TemplateRegistry.builtIn(), policy, Clock.systemUTC()), new RemediationPlanner(policy),
                    PostMortemRenderer.withBuiltInTemplates(), new SyncPostMortem.Settings(sandbox.url().toString(), null, null, Schema.PAGE_LABELS), Clock.systemUTC());
            Worker.Sync engine = key -> sync.sync(IssueKey.of(key));
            JdbcConnectionPool db2 = JdbcConnectionPool.create("jdbc:h2:file:" + dir.resolve("jobs2"), "sa", "");
            JobQueue jobQueue = new JobQueue(db2, Clock.systemUTC(), 3);
            MarkdownReader reader = new MarkdownReader(policy.actionClasses());
            for (int i = 0; i < jobs; i++) {
                String key = tracker.create("PM", reader.read("---\ntitle: Incident " + i + "\nseverity: SEV3\n---\n## Summary\n\nA queue backed up.\n\n"
                        + "## Root cause\n\nNo autoscaling.\n\n## Action items\n\n- [ ] [priority] Autoscale consumers on queue age @maria project:OPS\n"
                        + "- [ ] Add a queue-age panel to the dashboard @kenji project:OPS\n", "pm.md").postMortem()).key().value();
                jobQueue.accept("job-" + i, "jira:issue_created", key, key);
            }
            Worker worker = new Worker(jobQueue, engine, "bench", Duration.ofMillis(10));
            long t0 = System.nanoTime();
            int ran = worker.drain();
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf("worker: %d first-publish syncs (2 tickets, a page, a comment each) in %.2f s: %.1f jobs/s%n", ran, seconds, ran / seconds);

            // serve's --workers against a Jira that takes 20 ms per request (the sandbox alone answers in about 1 ms)
            sandbox.faults().add(io.hindsight.sandbox.Faults.Rule.latency("(GET|POST|PUT) /(rest|wiki)/.*", 20, Integer.MAX_VALUE));
            for (int workers : new int[]{1, 4}) {
                for (int i = 0; i < 40; i++) {
                    String key = tracker.create("PM", reader.read("---\ntitle: Slow incident " + workers + "-" + i + "\nseverity: SEV3\n---\n## Summary\n\nA queue backed up.\n\n"
                            + "## Root cause\n\nNo autoscaling.\n\n## Action items\n\n- [ ] [priority] Autoscale consumers on queue age @maria project:OPS\n", "pm.md").postMortem()).key().value();
                    jobQueue.accept("slow-" + workers + "-" + i, "jira:issue_created", key, key);
                }
                List<Thread> threads = new java.util.ArrayList<>();
                long start = System.nanoTime();
                java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
                for (int t = 0; t < workers; t++) {
                    Worker wk = new Worker(jobQueue, engine, "slow-" + t, Duration.ofMillis(10));
                    Thread th = new Thread(() -> done.addAndGet(wk.drain()));
                    th.start();
                    threads.add(th);
                }
                for (Thread th : threads) th.join();
                double secs = (System.nanoTime() - start) / 1e9;
                System.out.printf("with 20 ms per Jira request, %d worker(s): %d syncs in %.2f s: %.1f jobs/s%n", workers, done.get(), secs, done.get() / secs);
            }
        }
    }
}
