package io.hindsight.server;

import io.hindsight.atlassian.http.RequestCounter;
import io.hindsight.core.model.IssueKey;
import io.hindsight.core.port.PostMortemStore;
import io.hindsight.core.markdown.MarkdownReader;
import io.hindsight.core.plan.SloPolicy;
import io.hindsight.sandbox.site.Flavor;
import io.hindsight.sandbox.Sandbox;
import io.hindsight.sandbox.jira.JiraState;
import io.hindsight.server.queue.Job;
import io.hindsight.server.queue.JobQueue;
import io.hindsight.server.service.HindsightService;
import io.hindsight.server.webhook.Signature;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/** Jira's webhooks drive the sync: the sandbox sends signed events, the service queues them, the worker syncs. */
public class ServiceEndToEndTest {
    private static final String SECRET = "end-to-end-webhook-secret";
    private static final SloPolicy POLICY = SandboxSite.POLICY;

    private static String postMortem(String... extraActions) {
        StringBuilder sb = new StringBuilder("---\ntitle: Queue backlog\nseverity: SEV3\napproved: 2026-11-20\n---\n## Summary\n\nThe queue backed up for an hour.\n\n"
                + "## Root cause\n\nConsumers had no autoscaling.\n\n## Action items\n\n"
                + "- [ ] [priority] Autoscale consumers on queue age above 5 minutes @maria project:OPS\n");
        for (String a : extraActions) sb.append(a).append('\n');
        return sb.toString();
    }

    @Test
    public void webhooksDriveTheSyncAndTheServiceGoesQuiet() throws Exception {
        try (Sandbox sandbox = Sandbox.start(Flavor.DATA_CENTER, 0)) {
            SandboxSite site = new SandboxSite(sandbox);
            RequestCounter counter = site.counter;
            // the author works as herself; the service drops events caused by its own account
            PostMortemStore store = site.asMaria(sandbox);

            JdbcDataSource db = new JdbcDataSource();
            db.setURL("jdbc:h2:mem:e2e;DB_CLOSE_DELAY=-1");
            JobQueue queue = new JobQueue(db, Clock.systemUTC(), 3);
            // started as 'serve' starts it, with no worker threads: the test drains the queue itself, so it knows when it is quiet
            try (HindsightService service = HindsightService.start(new HindsightService.Settings("127.0.0.1", 0, new Signature(SECRET), Optional.empty(), 0,
                    Duration.ZERO, null, false, "PM", Clock.systemUTC()), site.wiring, queue, counter)) {
                sandbox.webhooks().register("http://127.0.0.1:" + service.port() + "/webhooks/jira", SECRET, Set.of());

                // an author creates the post-mortem in Jira
                IssueKey key = store.create("PM", new MarkdownReader(POLICY.actionClasses()).read(postMortem(), "pm.md").postMortem()).key();
                settle(sandbox, service);
                assertEquals(1, tickets(sandbox).size());

                // then adds an action item to it
                store.update(store.load(key).orElseThrow(), new MarkdownReader(POLICY.actionClasses()).read(
                        postMortem("- [ ] Add a queue-age panel to the on-call dashboard @kenji project:OPS"), "pm.md").postMortem());
                settle(sandbox, service);
                assertEquals(2, tickets(sandbox).size());
                synchronized (sandbox.confluence()) {
                    assertEquals(1, sandbox.confluence().pages.values().stream().filter(p -> p.title.startsWith(key + ":")).count());
                }
                assertTrue(queue.all().stream().allMatch(j -> j.status() == Job.Status.DONE));
                assertTrue("every delivery was accepted", sandbox.webhooks().deliveries().stream().allMatch(d -> d.status() == 202));

                String text = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + service.port() + "/metrics")).build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
                assertTrue(text, text.contains("hindsight_webhook_deliveries_total{outcome=\"queued\"}"));
                assertTrue(text, text.contains("hindsight_jobs{status=\"done\"}"));
                assertTrue(text, text.matches("(?s).*hindsight_jobs_processed_total\\{result=\"done\"} [1-9].*"));
                assertTrue(text, text.matches("(?s).*hindsight_atlassian_requests_total\\{kind=\"write\"} [1-9].*"));

                // once settled, nothing is written any more
                sandbox.log().clear();
                assertEquals(0, service.drain());
                assertEquals(0, sandbox.log().writes());
            }
        }
    }

    /** Lets webhooks arrive and the worker run until no job is left. */
    private static void settle(Sandbox sandbox, HindsightService service) {
        for (int round = 0; round < 10; round++) {
            sandbox.webhooks().awaitDeliveries(Duration.ofSeconds(10));
            if (service.drain() == 0) return;
        }
        throw new AssertionError("the service did not settle in 10 rounds");
    }

    private static List<JiraState.Issue> tickets(Sandbox sandbox) {
        return SandboxSite.tickets(sandbox);
    }
}
