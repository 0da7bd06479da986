package io.hindsight.server.web;

import io.hindsight.server.queue.JobQueue;
import io.hindsight.server.webhook.Signature;
import io.hindsight.server.webhook.WebhookIntake;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/** /readyz as a load balancer sees it while Jira refuses the token, and once it accepts it again. */
public class ReadinessTest {
    @Test
    public void notReadyWhileJiraRefusesAndReadyOnceItAnswers() throws Exception {
        JdbcDataSource db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:readiness;DB_CLOSE_DELAY=-1");
        JobQueue queue = new JobQueue(db, Clock.systemUTC(), 3);
        AtomicBoolean tokenValid = new AtomicBoolean(false);
        UpstreamCheck jira = new UpstreamCheck("Jira", () -> {
            if (!tokenValid.get()) throw new IllegalStateException("401 Unauthorized: the token was revoked");
            return "ok";
        });
        try (HttpService service = new HttpService("127.0.0.1", 0, new WebhookIntake(new Signature("a-secret-of-enough-length"), queue),
                queue, new Metrics(queue, Metrics.Requests.NONE), List.of(jira))) {
            HttpResponse<String> before = get(service, "/readyz");
            assertEquals(503, before.statusCode());
            assertEquals("not ready: Jira: not checked yet\n", before.body());

            jira.refresh();
            HttpResponse<String> refused = get(service, "/readyz");
            assertEquals(503, refused.statusCode());
            assertTrue(refused.body(), refused.body().contains("Jira: 401 Unauthorized: the token was revoked"));
            assertEquals("liveness does not depend on Jira", 200, get(service, "/healthz").statusCode());

            tokenValid.set(true);
            jira.refresh();
            HttpResponse<String> ready = get(service, "/readyz");
            assertEquals(200, ready.statusCode());
            assertEquals("ready; 0 job(s) queued\n", ready.body());
        }
    }

    private static HttpResponse<String> get(HttpService service, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
