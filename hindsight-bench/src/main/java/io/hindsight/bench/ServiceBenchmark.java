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
 * The service's numbers, printed: webhook intake latency (p50, p99 over 1,000 signed deliveries on
 * loopback, each stored durably in H2 on disk before the 202) and jobs per second (real syncs against
 * the sandbox). Run: {@code java -cp hindsight-bench/target/benchmarks.jar io.hindsight.bench.ServiceBenchmark}.
 */
public final class ServiceBenchmark {
    private static final String SECRET = "benchmark-webhook-secret";

    /** Sends signed deliveries one after another (100 to warm up) and prints the latency from send to the 202. */
    private static void intake(JobQueue queue, Signature signature, int deliveries, String store) throws Exception {
        try (HttpService service = new HttpService("127.0.0.1", 0, new WebhookIntake(signature, queue), queue)) {
            HttpClient client = HttpClient.newHttpClient();
            URI url = URI.create("http://127.0.0.1:" + service.port() + "/webhooks/jira");
            long[] micros = new long[deliveries];
            for (int i = -100; i < deliveries; i++) {
                String pm = "PM-" + (Math.abs(i) % 500 + 1);
                byte[] body = ("{\"webhookEvent\":\"jira:issue_updated\",\"issue\":{\"key\":\"" + pm + "\",\"fields\":{\"issuetype\":{\"name\":\"Post-mortem\"}}}}")
                        .getBytes(StandardCharsets.UTF_8);
                HttpRequest req = HttpRequest.newBuilder(url).header("X-Hub-Signature", signature.sign(body))
                        .header("X-Atlassian-Webhook-Identifier", "bench-" + store + "-" + i).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
                long t0 = System.nanoTime();
                HttpResponse<String> r = client.send(req, HttpResponse.BodyHandlers.ofString());
                long t = (System.nanoTime() - t0) / 1000;
                if (r.statusCode() != 202) throw new IllegalStateException("intake answered " + r.statusCode() + ": " + r.body());
                if (i >= 0) micros[i] = t; // the first 100 warm up
            }
            Arrays.sort(micros);
            System.out.printf("webhook intake, %d signed deliveries stored durably (%s): p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                    deliveries, store, micros[deliveries / 2] / 1000.0, micros[(int) (deliveries * 0.99)] / 1000.0, micros[deliveries - 1] / 1000.0);
        }
    }

    public static void main(String[] args) throws Exception {
        int deliveries = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int jobs = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        SloPolicy policy = SloPolicyLoader.defaults();
        Path dir = Files.createTempDirectory("hindsight-bench");
        // pooled: opening the H2 file for every request costs tens of milliseconds
        JdbcConnectionPool db = JdbcConnectionPool.create("jdbc:h2:file:" + dir.resolve("jobs"), "sa", "");
        JobQueue queue = new JobQueue(db, Clock.systemUTC(), 3);
        Signature signature = new Signature(SECRET);

        intake(queue, signature, deliveries, "H2 on disk");
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
