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

    @Test
    public void rateLimitingIsNotDownAndTheProbeBacksOffAsJiraAsks() throws Exception {
        java.util.concurrent.atomic.AtomicInteger probes = new java.util.concurrent.atomic.AtomicInteger();
        UpstreamCheck jira = new UpstreamCheck("Jira", () -> {
            probes.incrementAndGet();
            throw new io.hindsight.atlassian.http.AtlassianException.RateLimited("429 Too Many Requests", "GET /rest/api/2/issuetype",
                    io.hindsight.atlassian.http.ErrorBody.EMPTY, 120);
        });
        jira.refresh();
        assertTrue("a site that rate-limits Hindsight is up: " + jira.problem(), jira.problem().isEmpty());
        for (int i = 0; i < 5; i++) jira.refresh();
        assertEquals("within Retry-After the probe asks nothing and keeps its answer", 1, probes.get());
    }

    @Test
    public void aRateLimitedProbeWaitsAsAskedDoublesWhileItLastsAndRecovers() {
        java.time.Instant[] now = {java.time.Instant.parse("2026-11-26T12:00:00Z")};
        Clock clock = new Clock() {
            @Override public java.time.ZoneId getZone() { return java.time.ZoneOffset.UTC; }
            @Override public Clock withZone(java.time.ZoneId zone) { return this; }
            @Override public java.time.Instant instant() { return now[0]; }
        };
        java.util.concurrent.atomic.AtomicInteger probes = new java.util.concurrent.atomic.AtomicInteger();
        AtomicBoolean limited = new AtomicBoolean(true);
        UpstreamCheck jira = new UpstreamCheck("Jira", () -> {
            probes.incrementAndGet();
            if (limited.get()) throw new io.hindsight.atlassian.http.AtlassianException.RateLimited("429", "GET /rest/api/2/issuetype",
                    io.hindsight.atlassian.http.ErrorBody.EMPTY, 5);
            return "ok";
        }, clock);
        jira.refresh(); // 429 asking for 5 s: waits the usual 30 s at least
        assertEquals("rate limited by Jira; next check in 30 s", jira.note().orElseThrow());
        now[0] = now[0].plusSeconds(29);
        jira.refresh();
        assertEquals(1, probes.get());
        now[0] = now[0].plusSeconds(2);
        jira.refresh(); // still limited: twice as long
        assertEquals(2, probes.get());
        assertEquals("rate limited by Jira; next check in 60 s", jira.note().orElseThrow());
        assertTrue(jira.problem().isEmpty());
        limited.set(false);
        now[0] = now[0].plusSeconds(61);
        jira.refresh();
        assertEquals(3, probes.get());
        assertTrue("answering again: no note, and back to every 30 s", jira.note().isEmpty() && jira.problem().isEmpty());
    }

    @Test
    public void readyzSaysJiraIsRateLimitingButStaysReady() throws Exception {
        JdbcDataSource db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:readiness-429;DB_CLOSE_DELAY=-1");
        JobQueue queue = new JobQueue(db, Clock.systemUTC(), 3);
        UpstreamCheck jira = new UpstreamCheck("Jira", () -> {
            throw new io.hindsight.atlassian.http.AtlassianException.RateLimited("429", "GET /rest/api/2/issuetype", io.hindsight.atlassian.http.ErrorBody.EMPTY, 90);
        });
        jira.refresh();
        try (HttpService service = new HttpService("127.0.0.1", 0, new WebhookIntake(new Signature("a-secret-of-enough-length"), queue),
                queue, new Metrics(queue, Metrics.Requests.NONE), List.of(jira))) {
            HttpResponse<String> r = get(service, "/readyz");
            assertEquals(r.body(), 200, r.statusCode());
            assertEquals("ready; 0 job(s) queued; rate limited by Jira; next check in 90 s\n", r.body());
        }
    }
}
