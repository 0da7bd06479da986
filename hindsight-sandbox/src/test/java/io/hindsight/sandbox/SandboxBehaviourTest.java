package io.hindsight.sandbox;

import io.hindsight.sandbox.site.Flavor;
import com.sun.net.httpserver.HttpServer;
import io.hindsight.atlassian.http.ApiRequest;
import io.hindsight.atlassian.http.AtlassianException;
import io.hindsight.atlassian.http.AtlassianHttp;
import io.hindsight.atlassian.http.Credentials;
import io.hindsight.atlassian.http.HttpSettings;
import io.hindsight.atlassian.jira.JiraClient;
import io.hindsight.atlassian.jira.JiraModel;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

/** Authentication, faults, webhooks, the request log and the HTML view, as a client sees them. */
public class SandboxBehaviourTest {
    private Sandbox sandbox;
    private SandboxClients clients;

    @Before
    public void start() {
        sandbox = Sandbox.start(Flavor.DATA_CENTER, 0);
        clients = new SandboxClients(sandbox);
    }

    @After
    public void stop() {
        sandbox.close();
    }

    private JiraModel.NewIssue task(String summary) {
        return new JiraModel.NewIssue("OPS", "Task", summary, null, null, null, null, List.of(), Map.of(), List.of(), Map.of());
    }

    @Test
    public void signInAsEachFlavourDoes() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(sandbox.url().resolve("/rest/api/2/myself")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, anonymous.statusCode());
        assertTrue(anonymous.body().contains("\"errorMessages\":[\"You are not authenticated."));

        AtlassianHttp viewer = AtlassianHttp.create("Jira", sandbox.url(), Credentials.personalAccessToken(Sandbox.VIEWER_TOKEN), HttpSettings.defaults(), clients.counter);
        AtlassianException e = assertThrows(AtlassianException.Forbidden.class, () -> viewer.send(ApiRequest.postCreate("/rest/api/2/issuetype")
                .json("{\"name\":\"Post-mortem\",\"type\":\"standard\"}").build()));
        assertTrue(e.getMessage().contains("Jira administrator"));

        try (Sandbox cloud = Sandbox.start(Flavor.CLOUD, 0)) {
            AtlassianHttp wrong = AtlassianHttp.create("Jira", cloud.url(), Credentials.personalAccessToken(Sandbox.ADMIN_TOKEN), HttpSettings.defaults(), clients.counter);
            assertThrows(AtlassianException.Unauthorized.class, () -> wrong.send(ApiRequest.get("/rest/api/3/myself").build()));
            AtlassianHttp right = AtlassianHttp.create("Jira", cloud.url(), Credentials.emailAndApiToken(Sandbox.ADMIN_EMAIL, Sandbox.ADMIN_API_TOKEN), HttpSettings.defaults(), clients.counter);
            assertTrue(right.send(ApiRequest.get("/rest/api/3/myself").build()).body().contains("\"accountId\""));
        }
    }

    @Test
    public void aRateLimitStormIsRiddenOutWithRetryAfterAndTheEndStateIsTheSame() {
        sandbox.faults().add(Faults.Rule.rateLimit("POST /rest/api/2/issue/bulk", 1, 3));
        JiraClient jira = clients.jira();
        JiraModel.BulkResult r = jira.createAll(List.of(task("one"), task("two")));
        assertEquals(2, r.created().size());
        assertEquals("three 429s, then the request that landed", 4, sandbox.log().perEndpoint().get("POST /rest/api/2/issue/bulk").longValue());
        synchronized (sandbox.jira()) {
            assertEquals("nothing created twice", 2, sandbox.jira().issuesByKey.size());
        }
    }

    @Test
    public void serverErrorsLatencyDropsAndTheNthRequestFailing() {
        JiraClient jira = clients.jira();
        String key = jira.create(task("target")).key();
        sandbox.faults().add(Faults.Rule.status("GET /rest/api/2/issue/.*", 503, 2));
        assertTrue("reads are retried through 503s", jira.issue(key, List.of("summary"), List.of()).isPresent());

        sandbox.faults().add(Faults.Rule.status("POST /rest/api/2/issue", 500, 1));
        assertThrows("a create that hit a 500 is not repeated blindly", AtlassianException.OutcomeUnknown.class, () -> jira.create(task("maybe")));

        sandbox.faults().add(Faults.Rule.drop("GET /rest/api/2/issue/.*", 1));
        assertTrue("a dropped connection on a read is retried", jira.issue(key, List.of("summary"), List.of()).isPresent());

        sandbox.faults().add(Faults.Rule.failNth("PUT /rest/api/2/issue/.*", 2, 400));
        jira.edit(key, new JiraModel.IssueEdit("first", null, null, null, null, null, Map.of()));
        assertThrows(AtlassianException.BadRequest.class, () -> jira.edit(key, new JiraModel.IssueEdit("second", null, null, null, null, null, Map.of())));
        jira.edit(key, new JiraModel.IssueEdit("third", null, null, null, null, null, Map.of()));

        AtlassianHttp slow = clients.http("Jira", HttpSettings.defaults().withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(200))
                .withRetries(1, Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofSeconds(1)));
        sandbox.faults().add(Faults.Rule.latency("GET /rest/api/2/serverInfo", 800, 1));
        assertThrows(AtlassianException.Transport.class, () -> slow.send(ApiRequest.get("/rest/api/2/serverInfo").build()));
    }

    @Test
    public void webhooksAreSignedAndIdentified() throws Exception {
        List<String[]> received = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", ex -> {
            byte[] body = ex.getRequestBody().readAllBytes();
            received.add(new String[]{ex.getRequestHeaders().getFirst("X-Hub-Signature"), ex.getRequestHeaders().getFirst("X-Atlassian-Webhook-Identifier"),
                    new String(body, StandardCharsets.UTF_8), Webhooks.hmac("s3cret", body)});
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        receiver.start();
        try {
            sandbox.webhooks().register("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook", "s3cret", java.util.Set.of());
            JiraClient jira = clients.jira();
            String key = jira.create(task("hooked")).key();
            jira.comment(key, "a comment");
            jira.edit(key, new JiraModel.IssueEdit("renamed", null, null, null, null, null, Map.of()));
            clients.http("Jira").send(ApiRequest.delete("/rest/api/2/issue/" + key).build());
            sandbox.webhooks().awaitDeliveries(Duration.ofSeconds(10));
            assertEquals(4, received.size());
            for (String[] r : received) {
                assertEquals("sha256=" + r[3], r[0]);
                assertFalse(r[1].isBlank());
            }
            assertTrue(received.get(0)[2].contains("\"webhookEvent\":\"jira:issue_created\""));
            assertTrue(received.get(1)[2].contains("\"webhookEvent\":\"comment_created\""));
            assertTrue(received.get(2)[2].contains("\"webhookEvent\":\"jira:issue_updated\"") && received.get(2)[2].contains("\"field\":\"summary\""));
            assertTrue(received.get(3)[2].contains("\"webhookEvent\":\"jira:issue_deleted\""));
            assertEquals(4, received.stream().map(r -> r[1]).distinct().count());
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    public void theLogCountsReadsAndWritesPerEndpointAndResetStartsOver() {
        JiraClient jira = clients.jira();
        jira.create(task("counted"));
        jira.search("project = OPS", List.of("summary"), List.of(), 10);
        assertEquals(1, sandbox.log().writes());
        assertEquals("serverInfo and the search", 2, sandbox.log().reads());
        assertEquals(1L, sandbox.log().perEndpoint().get("POST /rest/api/2/search").longValue());
        sandbox.reset();
        assertEquals(0, sandbox.log().entries().size());
        synchronized (sandbox.jira()) {
            assertTrue(sandbox.jira().issuesByKey.isEmpty());
        }
    }

    @Test
    public void theHtmlViewShowsWhatHappenedAndEscapesIt() throws Exception {
        JiraClient jira = clients.jira();
        String key = jira.create(task("<script>alert(1)</script> & more")).key();
        HttpClient http = HttpClient.newHttpClient();
        String index = http.send(HttpRequest.newBuilder(sandbox.url().resolve("/sandbox")).build(), HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(index.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; more"));
        assertFalse(index.contains("<script>alert"));
        HttpResponse<String> issue = http.send(HttpRequest.newBuilder(URI.create(sandbox.url() + "/sandbox/issues/" + key)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, issue.statusCode());
        assertTrue(issue.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(issue.body().contains("Not a Jira."));
    }

    @Test
    public void aParentPageShowsItsPagePropertiesReportAsConfluenceWould() throws Exception {
        var confluence = clients.confluence();
        String report = "<ac:structured-macro ac:name=\"detailssummary\" ac:schema-version=\"2\"><ac:parameter ac:name=\"cql\">label = \"postmortem\"</ac:parameter>"
                + "<ac:parameter ac:name=\"headings\">Severity,Services</ac:parameter></ac:structured-macro>";
        String parent = confluence.create(new io.hindsight.atlassian.confluence.ConfluenceModel.NewPage("OPS", null, "Post-mortems", report, List.of())).id();
        confluence.create(new io.hindsight.atlassian.confluence.ConfluenceModel.NewPage("OPS", parent, "PM-7: Cache &lt;stampede&gt;",
                "<ac:structured-macro ac:name=\"details\" ac:schema-version=\"1\"><ac:rich-text-body><table><tbody><tr><th>Severity</th><td>SEV1</td></tr>"
                        + "<tr><th>Services</th><td>cache &amp; checkout</td></tr></tbody></table></ac:rich-text-body></ac:structured-macro>", List.of("postmortem")));
        String html = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(sandbox.url() + "/sandbox/pages/" + parent)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        // no firstcolumn parameter: Confluence names the first column "Title"
        assertTrue(html, html.contains("<th>Title</th><th>Severity</th><th>Services</th>"));
        assertTrue(html, html.contains("<td>SEV1</td><td>cache &amp; checkout</td>"));
    }
}
