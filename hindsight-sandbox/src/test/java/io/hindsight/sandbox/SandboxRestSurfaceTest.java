package io.hindsight.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hindsight.atlassian.http.ApiRequest;
import io.hindsight.atlassian.http.ApiResponse;
import io.hindsight.atlassian.http.AtlassianException;
import io.hindsight.atlassian.http.AtlassianHttp;
import io.hindsight.atlassian.jira.JiraClient;
import io.hindsight.atlassian.jira.JiraModel;
import io.hindsight.sandbox.jira.Workflows;
import io.hindsight.sandbox.site.Flavor;
import org.junit.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

/**
 * What ordinary Jira clients call beyond Hindsight's own use: projects, issue links, link types,
 * {@code myself}, workflows where Done is two steps away, and a reset that starts the site over. Every
 * request and every answer is validated against Atlassian's contracts, Data Center and Cloud.
 */
public class SandboxRestSurfaceTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    public void dataCenter() throws Exception {
        surface(Flavor.DATA_CENTER);
    }

    @Test
    public void cloud() throws Exception {
        surface(Flavor.CLOUD);
    }

    private static JsonNode json(ApiResponse r) throws Exception {
        return JSON.readTree(r.body());
    }

    private void surface(Flavor flavor) throws Exception {
        try (Sandbox sandbox = Sandbox.start(flavor, 0)) {
            SandboxClients clients = new SandboxClients(sandbox).validating();
            AtlassianHttp http = clients.http("Jira");
            String api = flavor == Flavor.CLOUD ? "/rest/api/3" : "/rest/api/2";

            JsonNode projects = json(http.send(ApiRequest.get(api + "/project").build()));
            assertEquals(List.of("PM", "OPS", "DB"), projects.findValuesAsText("key"));
            JsonNode pm = json(http.send(ApiRequest.get(api + "/project/PM").build()));
            assertEquals("Post-mortems", pm.path("name").asText());
            assertEquals("by id too", "PM", json(http.send(ApiRequest.get(api + "/project/" + pm.path("id").asText()).build())).path("key").asText());
            AtlassianException missing = assertThrows(AtlassianException.class, () -> http.send(ApiRequest.get(api + "/project/NOPE").build()));
            assertTrue(missing.getMessage(), missing.getMessage().contains("No project could be found with key 'NOPE'"));

            JsonNode me = json(http.send(ApiRequest.get(api + "/myself").build()));
            assertEquals("Hindsight", me.path("displayName").asText());

            JsonNode types = json(http.send(ApiRequest.get(api + "/issueLinkType").build())).path("issueLinkTypes");
            assertEquals("blocks", types.get(0).path("outward").asText());
            String blocksId = types.get(0).path("id").asText();
            assertEquals("Blocks", json(http.send(ApiRequest.get(api + "/issueLinkType/" + blocksId).build())).path("name").asText());

            JiraClient jira = clients.jira();
            String a = jira.create(task("Fix the replica router")).key();
            String b = jira.create(task("Ship the checkout release")).key();
            // "A blocks B": the issue in inwardIssue reads the outward verb
            http.send(ApiRequest.postCreate(api + "/issueLink").json("{\"type\":{\"name\":\"Blocks\"},\"inwardIssue\":{\"key\":\"" + a
                    + "\"},\"outwardIssue\":{\"key\":\"" + b + "\"}}").build());
            JiraModel.Issue seenFromA = jira.issue(a, List.of("issuelinks"), List.of()).orElseThrow();
            assertEquals(1, seenFromA.links().size());
            assertEquals("blocks", seenFromA.links().get(0).description());
            assertEquals(b, seenFromA.links().get(0).otherKey());
            assertEquals("is blocked by", jira.issue(b, List.of("issuelinks"), List.of()).orElseThrow().links().get(0).description());

            String linkId = json(http.send(ApiRequest.get(api + "/issue/" + a).query("fields", "issuelinks").build())).path("fields").path("issuelinks").get(0).path("id").asText();
            JsonNode link = json(http.send(ApiRequest.get(api + "/issueLink/" + linkId).build()));
            assertEquals(a, link.path("inwardIssue").path("key").asText());
            assertEquals(b, link.path("outwardIssue").path("key").asText());
            http.send(ApiRequest.delete(api + "/issueLink/" + linkId).build());
            assertTrue(jira.issue(a, List.of("issuelinks"), List.of()).orElseThrow().links().isEmpty());
            assertThrows(AtlassianException.NotFound.class, () -> http.send(ApiRequest.get(api + "/issueLink/" + linkId).build()));
            assertThrows(AtlassianException.NotFound.class, () -> http.send(ApiRequest.postCreate(api + "/issueLink")
                    .json("{\"type\":{\"name\":\"Blocks\"},\"inwardIssue\":{\"key\":\"OPS-404\"},\"outwardIssue\":{\"key\":\"" + b + "\"}}").build()));

            System.out.println(flavor + ": " + clients.checked.size() + " exchanges validated against the contracts");
            assertTrue(String.join("\n", clients.violations), clients.violations.isEmpty());
        }
    }

    @Test
    public void aStepwiseWorkflowOffersNoDirectTransitionToDone() {
        try (Sandbox sandbox = Sandbox.start(Flavor.DATA_CENTER, 0, Clock.systemUTC(), Workflows.STEPWISE)) {
            SandboxClients clients = new SandboxClients(sandbox).validating();
            JiraClient jira = clients.jira();
            String key = jira.create(task("Close me in two steps")).key();
            List<JiraModel.Transition> fromToDo = jira.transitions(key);
            assertEquals(List.of("Start Progress"), fromToDo.stream().map(JiraModel.Transition::name).toList());
            assertFalse(fromToDo.stream().anyMatch(t -> t.toCategory() == JiraModel.StatusCategory.DONE));
            assertThrows("Done is not offered from To Do", AtlassianException.BadRequest.class, () -> jira.transition(key, "31"));

            jira.transition(key, fromToDo.get(0).id());
            List<JiraModel.Transition> fromInProgress = jira.transitions(key);
            assertEquals(List.of("Stop Progress", "Done"), fromInProgress.stream().map(JiraModel.Transition::name).toList());
            jira.transition(key, fromInProgress.get(1).id());
            assertEquals(List.of(key), jira.search("statusCategory = Done", List.of("summary"), List.of(), 10).stream().map(JiraModel.Issue::key).toList());
            assertTrue(String.join("\n", clients.violations), clients.violations.isEmpty());
        }
    }

    @Test
    public void workflowsAreChosenPerProjectThroughTheAdminEndpoint() throws Exception {
        try (Sandbox sandbox = Sandbox.start(Flavor.DATA_CENTER, 0)) {
            JiraClient jira = new SandboxClients(sandbox).jira();
            String ops = jira.create(task("in OPS")).key();
            assertEquals("the default: Done is one step away", 3, jira.transitions(ops).size());
            HttpResponse<String> put = admin(sandbox, "PUT", "/sandbox/workflows/OPS", "{\"workflow\":\"stepwise\"}");
            assertEquals(put.body(), 204, put.statusCode());
            assertEquals(List.of("Start Progress"), jira.transitions(ops).stream().map(JiraModel.Transition::name).toList());

            // a project's own workflow over the site's statuses
            HttpResponse<String> custom = admin(sandbox, "PUT", "/sandbox/workflows/DB",
                    "{\"name\":\"review\",\"transitions\":[{\"name\":\"Review\",\"from\":[\"To Do\"],\"to\":\"In Progress\"},{\"name\":\"Approve\",\"from\":[\"In Progress\"],\"to\":\"Done\"}]}");
            assertEquals(custom.body(), 204, custom.statusCode());
            String db = jira.create(new JiraModel.NewIssue("DB", "Task", "in DB", null, null, null, null, List.of(), Map.of(), List.of(), Map.of())).key();
            assertEquals(List.of("Review"), jira.transitions(db).stream().map(JiraModel.Transition::name).toList());
            JsonNode all = JSON.readTree(admin(sandbox, "GET", "/sandbox/workflows", null).body());
            assertEquals("stepwise", all.path("projects").path("OPS").asText());
            assertEquals("review", all.path("projects").path("DB").asText());
            assertEquals("simplified", all.path("projects").path("PM").asText());

            HttpResponse<String> bad = admin(sandbox, "PUT", "/sandbox/workflows/OPS", "{\"transitions\":[{\"name\":\"Ship\",\"to\":\"Shipped\"}]}");
            assertEquals(400, bad.statusCode());
            assertTrue(bad.body(), bad.body().contains("No status named 'Shipped'"));
            assertEquals(400, admin(sandbox, "PUT", "/sandbox/workflows/OPS", "{\"workflow\":\"kanban\"}").statusCode());
        }
    }

    @Test
    public void resetStartsTheSiteOverKeyCountersWorkflowsAndAll() throws Exception {
        try (Sandbox sandbox = Sandbox.start(Flavor.DATA_CENTER, 0)) {
            JiraClient jira = new SandboxClients(sandbox).jira();
            assertEquals("OPS-1", jira.create(task("first")).key());
            assertEquals("OPS-2", jira.create(task("second")).key());
            sandbox.useWorkflow("OPS", Workflows.STEPWISE);
            assertEquals(204, admin(sandbox, "POST", "/sandbox/reset", null).statusCode());
            String again = jira.create(task("after the reset")).key();
            assertEquals("keys count from 1 again, as on a fresh site", "OPS-1", again);
            assertEquals("the workflow is the one the sandbox started with", 3, jira.transitions(again).size());
            synchronized (sandbox.jira()) {
                assertEquals("ids start over too", "20001", sandbox.jira().issuesByKey.get("OPS-1").id);
            }
        }
    }

    private static HttpResponse<String> admin(Sandbox sandbox, String method, String path, String body) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(sandbox.url() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HttpClient.newHttpClient().send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JiraModel.NewIssue task(String summary) {
        return new JiraModel.NewIssue("OPS", "Task", summary, null, null, null, null, List.of(), Map.of(), List.of(), Map.of());
    }
}
