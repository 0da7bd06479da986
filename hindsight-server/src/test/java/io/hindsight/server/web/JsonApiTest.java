package io.hindsight.server.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hindsight.core.markdown.MarkdownReader;
import io.hindsight.sandbox.site.Flavor;
import io.hindsight.sandbox.Sandbox;
import io.hindsight.server.SandboxSite;
import io.hindsight.server.queue.JobQueue;
import io.hindsight.server.queue.Worker;
import io.hindsight.server.webhook.Signature;
import io.hindsight.server.webhook.WebhookIntake;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/** The JSON API as a script or a chat bot would use it: bearer token, Markdown in, JSON out, syncs through the queue. */
public class JsonApiTest {
    private static final String TOKEN = "0123456789abcdef0123456789abcdef";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GOOD = "---\ntitle: Queue backlog\nseverity: SEV3\napproved: 2026-11-20\n---\n## Summary\n\nThe queue backed up for an hour.\n\n"
            + "## Root cause\n\nConsumers had no autoscaling.\n\n## Action items\n\n"
            + "- [ ] [priority] Autoscale consumers on queue age above 5 minutes @maria project:OPS\n";

    private static Sandbox sandbox;
    private static SandboxSite site;
    private static JobQueue queue;
    private static Worker worker;
    private static HttpService service;
    private static String base;

    @BeforeClass
    public static void start() throws Exception {
        sandbox = Sandbox.start(Flavor.DATA_CENTER, 0);
        site = new SandboxSite(sandbox);
        JdbcDataSource db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:api;DB_CLOSE_DELAY=-1");
        queue = new JobQueue(db, Clock.systemUTC(), 3);
        worker = new Worker(queue, site.sync(), "w1", Duration.ofMillis(50));
        service = new HttpService("127.0.0.1", 0, new WebhookIntake(new Signature("webhook-secret-of-the-api-test"), queue), queue);
        service.mount("/api/", new JsonApi(Access.of(Optional.of(new ApiToken(TOKEN))), queue, site.wiring.lint, site.wiring.publish, site.wiring.report, "PM"));
        base = "http://127.0.0.1:" + service.port();
    }

    @AfterClass
    public static void stop() {
        service.close();
        sandbox.close();
    }

    private static HttpResponse<String> call(String method, String path, String body, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) b.header("Authorization", "Bearer " + token);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode ok(HttpResponse<String> r, int status) throws Exception {
        assertEquals(r.body(), status, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        return JSON.readTree(r.body());
    }

    @Test
    public void everyCallNeedsTheBearerToken() throws Exception {
        for (String token : new String[]{null, "wrong-token-wrong-token-wrong", TOKEN + "x"}) {
            HttpResponse<String> r = call("POST", "/api/sync/PM-9999", null, token);
            assertEquals(401, r.statusCode());
            assertEquals("Bearer realm=\"hindsight\"", r.headers().firstValue("WWW-Authenticate").orElse(""));
        }
        assertTrue("nothing was queued by refused calls", queue.all().stream().noneMatch(j -> j.postMortem().equals("PM-9999")));
    }

    @Test
    public void lintAnswersWithFindingsAndLineNumbers() throws Exception {
        JsonNode r = ok(call("POST", "/api/lint?name=backlog.md", GOOD.replace("Consumers had no autoscaling.",
                "Bob forgot to enable autoscaling."), TOKEN), 200);
        JsonNode file = r.get("files").get(0);
        assertEquals("backlog.md", file.get("file").asText());
        JsonNode blame = null;
        for (JsonNode f : file.get("findings")) if (f.get("family").asText().equals("blameless")) blame = f;
        assertTrue(r.toString(), blame != null);
        assertEquals(12, blame.get("line").asInt());
    }

    @Test
    public void publishRefusesABrokenPostMortemAndWritesNothing() throws Exception {
        int before = sandbox.jira().issuesByKey.size();
        JsonNode r = ok(call("POST", "/api/publish", GOOD.replace("severity: SEV3", "severity: SEV3\napproved: [not, a, date"), TOKEN), 422);
        assertTrue(r.toString(), r.get("error").asText().contains("nothing was published"));
        assertTrue(r.toString(), r.get("problems").size() > 0);
        assertEquals(before, sandbox.jira().issuesByKey.size());
        assertEquals(413, call("POST", "/api/publish", "x".repeat(JsonApi.MAX_BODY + 1), TOKEN).statusCode());
        assertEquals(400, call("POST", "/api/publish", "", TOKEN).statusCode());
    }

    @Test
    public void publishCreatesTheIssueAndQueuesItsSync() throws Exception {
        JsonNode r = ok(call("POST", "/api/publish?project=PM", GOOD, TOKEN), 202);
        String key = r.get("key").asText();
        assertTrue(r.get("created").asBoolean());
        long job = r.get("job").asLong();
        assertEquals("queued", ok(call("GET", "/api/jobs/" + job, null, TOKEN), 200).get("status").asText());
        worker.drain();
        JsonNode done = ok(call("GET", r.get("status").asText(), null, TOKEN), 200);
        assertEquals("done", done.get("status").asText());
        assertEquals(key, done.get("postMortem").asText());
        assertTrue(SandboxSite.tickets(sandbox).stream().anyMatch(t -> t.text("summary").startsWith("Autoscale consumers")));

        // asking twice before the worker runs makes one job
        JsonNode first = ok(call("POST", "/api/sync/" + key, null, TOKEN), 202);
        JsonNode second = ok(call("POST", "/api/sync/" + key, null, TOKEN), 202);
        assertEquals(first.get("job").asLong(), second.get("job").asLong());
        assertTrue(second.get("joined").asBoolean());
        worker.drain();

        JsonNode report = ok(call("GET", "/api/report?jql=" + java.net.URLEncoder.encode("key = " + key, java.nio.charset.StandardCharsets.UTF_8), null, TOKEN), 200);
        JsonNode all = null;
        for (JsonNode row : report.get("rows")) if (row.get("severity").asText().equals("all")) all = row;
        assertTrue(report.toString(), all != null);
        assertEquals(1, all.get("postMortems").asInt());
        assertEquals(1, all.get("actionsOpen").asInt());
    }

    @Test
    public void badRequestsSayWhatToFix() throws Exception {
        assertTrue(ok(call("POST", "/api/sync/not-a-key", null, TOKEN), 400).get("error").asText().contains("not an issue key"));
        assertEquals(405, call("GET", "/api/sync/PM-1", null, TOKEN).statusCode());
        assertEquals(404, call("GET", "/api/jobs/424242", null, TOKEN).statusCode());
        assertTrue(ok(call("POST", "/api/jobs/424242/replay", null, TOKEN), 404).get("error").asText().contains("only dead jobs"));
        assertTrue(ok(call("GET", "/api/jobs?status=lost", null, TOKEN), 400).get("error").asText().contains("queued, running, done, dead"));
        assertEquals(0, ok(call("GET", "/api/jobs", null, TOKEN), 200).get("jobs").size());
        assertTrue(ok(call("GET", "/api/report?jql=" + java.net.URLEncoder.encode("project = PM ORDER BY key", java.nio.charset.StandardCharsets.UTF_8), null, TOKEN), 400)
                .get("error").asText().contains("ORDER BY"));
        assertEquals(404, call("GET", "/api/nothing", null, TOKEN).statusCode());
        assertEquals("a key: that names no issue", 404, call("POST", "/api/publish", GOOD.replace("title: Queue backlog", "title: Queue backlog\nkey: PM-4040"), TOKEN).statusCode());
        JsonNode projects = ok(call("POST", "/api/publish?name=backlog.md", GOOD.replace("project:OPS", "project:NOPE"), TOKEN), 422);
        assertTrue(projects.toString(), projects.get("problems").get(0).asText().startsWith("backlog.md:16: action 'Autoscale consumers on queue age above 5 minutes': project NOPE does not exist"));
    }

    @Test
    public void aKeyThatNamesATaskIsAConflictAndTheTaskIsLeftAsItWas() throws Exception {
        String task;
        synchronized (sandbox.jira()) {
            var fields = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("summary", "Rotate the TLS certificates");
            task = sandbox.jira().addIssue("OPS", sandbox.jira().issueTypeByIdOrName("Task").orElseThrow().id(), fields, java.time.Instant.now()).key;
        }
        JsonNode refused = ok(call("POST", "/api/publish", GOOD.replace("title: Queue backlog", "title: Queue backlog\nkey: " + task), TOKEN), 409);
        assertTrue(refused.toString(), refused.get("error").asText().contains("names an issue that is not a post-mortem"));
        synchronized (sandbox.jira()) {
            assertEquals("Rotate the TLS certificates", sandbox.jira().issuesByKey.get(task).text("summary"));
        }
    }

    @Test
    public void aReportFilterCannotReachPastThePostMortems() throws Exception {
        String breakOut = java.net.URLEncoder.encode("project = PM) OR (project = OPS", java.nio.charset.StandardCharsets.UTF_8);
        JsonNode r = ok(call("GET", "/api/report?jql=" + breakOut, null, TOKEN), 400);
        assertTrue(r.toString(), r.get("error").asText().contains("closes a bracket that was never opened"));
    }

    @Test
    public void aJqlSyntaxErrorIsA400WithJirasWords() throws Exception {
        String broken = java.net.URLEncoder.encode("project = = PM", java.nio.charset.StandardCharsets.UTF_8);
        JsonNode r = ok(call("GET", "/api/report?jql=" + broken, null, TOKEN), 400);
        assertTrue(r.toString(), r.get("error").asText().contains("Error in the JQL Query"));
    }

    @Test
    public void withoutATokenTheApiIsOffAndSaysHowToTurnItOn() throws Exception {
        try (HttpService off = new HttpService("127.0.0.1", 0, new WebhookIntake(new Signature("webhook-secret-of-the-api-test"), queue), queue)) {
            off.mount("/api/", new JsonApi(Access.of(Optional.empty()), queue, site.wiring.lint, site.wiring.publish, site.wiring.report, "PM"));
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + off.port() + "/api/sync/PM-1"))
                    .header("Authorization", "Bearer anything").POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(503, r.statusCode());
            assertTrue(r.body(), r.body().contains("HINDSIGHT_API_TOKEN"));
        }
    }

    @Test
    public void aShortTokenIsRefusedAtStart() {
        try {
            new ApiToken("hunter2");
            throw new AssertionError("a 7-character token was taken");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("at least 16"));
        }
    }
}
