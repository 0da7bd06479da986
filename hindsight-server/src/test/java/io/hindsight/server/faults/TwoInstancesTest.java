package io.hindsight.server.faults;

import com.fasterxml.jackson.databind.JsonNode;
import io.hindsight.core.model.IssueKey;
import io.hindsight.sandbox.Faults;
import io.hindsight.server.webhook.Signature;
import org.junit.Assume;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.ErrorCollector;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.hamcrest.CoreMatchers.equalTo;
import static org.hamcrest.CoreMatchers.nullValue;
import static org.junit.Assert.assertTrue;

/**
 * Two 'hindsight serve' processes sharing one PostgreSQL queue, each with one worker: a delivery sent to both is
 * queued once, they sync different post-mortems side by side, and when one is killed mid-sync the other takes its
 * job over once the lease (4 s here) runs out, leaving one ticket per action and a current page.
 */
public class TwoInstancesTest {
    private static final int ACTIONS = 3;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Rule
    public final ErrorCollector promises = new ErrorCollector();

    @Test
    public void aKilledInstancesJobIsTakenOverByTheOther() throws Exception {
        String url = FaultSite.postgresUrl();
        String message = "two-instance fault case skipped: set HINDSIGHT_TEST_POSTGRES_URL";
        if (url == null && "true".equals(System.getenv("CI"))) throw new AssertionError(message.replace("skipped", "must run in CI"));
        Assume.assumeTrue(message, url != null);
        FaultSite.resetPostgres(url);
        try (FaultSite site = new FaultSite(FaultSite.tempDir("two-instances"));
             ServiceProcess a = ServiceProcess.serve("serve-a", site.dir, site.env(), site.serveArgs("--database", url, "--job-lease", "4", "--workers", "1"));
             ServiceProcess b = ServiceProcess.serve("serve-b", site.dir, site.env(), site.serveArgs("--database", url, "--job-lease", "4", "--workers", "1"))) {
            // one delivery, sent to both (a load balancer retrying on the other instance): one job
            IssueKey third = site.newPostMortem(ACTIONS);
            byte[] event = ("{\"webhookEvent\":\"jira:issue_updated\",\"issue\":{\"key\":\"" + third + "\",\"fields\":{\"issuetype\":{\"name\":\"Post-mortem\"}}},"
                    + "\"user\":{\"name\":\"maria\"}}").getBytes(StandardCharsets.UTF_8);
            String id = "delivery-" + System.nanoTime();
            promises.checkThat(deliver(a, event, id), equalTo(202));
            promises.checkThat(deliver(b, event, id), equalTo(202));
            promises.checkThat("the second instance recognised the delivery", metric(b, "hindsight_webhook_deliveries_total{outcome=\"duplicate\"}"), equalTo(1L));
            for (int i = 0; i < 300 && metric(b, "hindsight_jobs{status=\"done\"}") < 1; i++) Thread.sleep(100);
            promises.checkThat("the delivery's job ran once", metric(b, "hindsight_jobs{status=\"done\"}"), equalTo(1L));

            // two post-mortems, each held in its bulk create: one on each instance's single worker
            IssueKey first = site.newPostMortem(ACTIONS);
            IssueKey second = site.newPostMortem(ACTIONS);
            String create = "POST /rest/api/2/issue/bulk";
            long before = site.inject(Faults.Rule.latency(create, 1500, 2));
            long job1 = FaultSite.queueSync(a, first);
            long job2 = FaultSite.queueSync(b, second);
            site.awaitFired(create, before + 1, Duration.ofSeconds(30), a, b);
            Thread.sleep(200);
            a.kill();
            long killed = System.nanoTime();

            JsonNode done1 = FaultSite.awaitJob(b, job1, Duration.ofSeconds(60));
            JsonNode done2 = FaultSite.awaitJob(b, job2, Duration.ofSeconds(60));
            double seconds = (System.nanoTime() - killed) / 1e9;
            System.out.printf("two instances: the killed instance's job was done by the other %.1f s after the kill (lease 4 s)%n", seconds);
            promises.checkThat(done1.toString(), done1.path("status").asText(), equalTo("done"));
            promises.checkThat(done2.toString(), done2.path("status").asText(), equalTo("done"));
            promises.checkThat("one of the two jobs was run twice (taken over), not both", done1.path("attempts").asInt() + done2.path("attempts").asInt(), equalTo(3));
            assertTrue(b.output(), b.output().contains("took over 1 job(s)"));
            JsonNode done3 = FaultSite.awaitJob(b, FaultSite.queueSync(b, third), Duration.ofSeconds(60));
            promises.checkThat(done3.toString(), done3.path("status").asText(), equalTo("done"));
            for (IssueKey key : List.of(first, second, third)) {
                promises.checkThat("exactly one open ticket per action", site.oneTicketPerAction(key, ACTIONS), nullValue());
                List<String> shows = new java.util.ArrayList<>(site.ticketKeys(key, ACTIONS));
                for (int i = 0; i < ACTIONS; i++) shows.add(FaultSite.WORK[i]);
                promises.checkThat("one page, current", site.currentPage(key, shows), nullValue());
                promises.checkThat("a further sync of " + key + " writes nothing", site.writesOfAnotherSync(key), equalTo(0L));
            }
        }
    }

    private static int deliver(ServiceProcess s, byte[] body, String id) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(s.url() + "/webhooks/jira"))
                .header("X-Hub-Signature", new Signature(FaultSite.WEBHOOK_SECRET).sign(body)).header("X-Atlassian-Webhook-Identifier", id)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private static long metric(ServiceProcess s, String series) throws Exception {
        String text = HTTP.send(HttpRequest.newBuilder(URI.create(s.url() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
        for (String line : text.split("\n")) {
            if (line.startsWith(series + " ")) return (long) Double.parseDouble(line.substring(series.length() + 1).strip());
        }
        return 0;
    }
}
