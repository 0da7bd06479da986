package io.hindsight.atlassian.jira;

import io.hindsight.atlassian.Fixtures;
import io.hindsight.atlassian.http.AtlassianHttp;
import io.hindsight.atlassian.http.ScriptedSite;
import io.hindsight.atlassian.http.ScriptedServer.Answer;
import io.hindsight.atlassian.jira.JiraModel.Deployment;
import org.junit.Rule;
import org.junit.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

public class JiraClientTest {
    @Rule
    public final ScriptedSite site = new ScriptedSite("Jira");

    private AtlassianHttp http() {
        return site.http();
    }

    @Test
    public void picksTheFlavourFromServerInfo() {
        site.server.then(Answer.of(200, Fixtures.read("jira-cloud/serverInfo.json")));
        assertEquals(Deployment.CLOUD, JiraClients.connect(http()).deployment());
        site.server.then(Answer.of(200, Fixtures.read("jira-dc/serverInfo.json")));
        assertEquals(Deployment.DATA_CENTER, JiraClients.connect(http()).deployment());
    }

    @Test
    public void readsAnIssueWithLinksInBothDirectionsFieldsAndProperties() {
        site.server.then(Answer.of(200, Fixtures.read("jira-dc/issue-pm-12.json")));
        JiraModel.Issue pm = new DataCenterJiraClient(http()).issue("PM-12", List.of("summary"), List.of("hindsight.postmortem")).orElseThrow();
        assertEquals("Post-mortem", pm.issueType());
        assertEquals(JiraModel.StatusCategory.IN_PROGRESS, pm.statusCategory());
        assertEquals("maria", pm.assignee().id());
        JiraModel.Link remediation = pm.links().get(0);
        assertEquals("is remediated by", remediation.description());
        assertFalse(remediation.outward());
        assertEquals("OPS-101", remediation.otherKey());
        assertTrue(pm.links().get(1).outward());
        assertEquals(new JiraModel.Option("SEV2"), pm.fields().get("customfield_10101"));
        assertEquals(new JiraModel.Text("For 41 minutes, 18% of checkout requests failed."), pm.fields().get("customfield_10100"));
        assertEquals("65601", pm.property("hindsight.postmortem").orElseThrow().get("pageId").orElseThrow());
    }

    @Test
    public void cloudRichTextComesBackAsMarkdown() {
        site.server.then(Answer.of(200, Fixtures.read("jira-cloud/issue-pm-12.json")));
        JiraModel.Issue pm = new CloudJiraClient(http()).issue("PM-12", List.of("summary"), List.of()).orElseThrow();
        assertEquals(new JiraModel.RichText("For 41 minutes, **18%** of checkout requests failed. See [the dashboard](https://grafana.example.com/d/checkout).\n\n"
                + "- reads went to a lagging replica"), pm.fields().get("customfield_10100"));
        assertEquals("5b10ac8d82e05b22cc7d4ef5", pm.assignee().id());
    }

    @Test
    public void aMissingIssueIsEmptyNotAnError() {
        site.server.then(Answer.of(404, "{\"errorMessages\":[\"Issue does not exist or you do not have permission to see it.\"],\"errors\":{}}"));
        assertTrue(new DataCenterJiraClient(http()).issue("PM-404", List.of("summary"), List.of()).isEmpty());
    }

    @Test
    public void dataCenterSearchPagesByStartAt() {
        site.server.then(Answer.of(200, Fixtures.read("jira-dc/search-page1.json"))).then(Answer.of(200, Fixtures.read("jira-dc/search-page2.json")));
        List<JiraModel.Issue> all = new DataCenterJiraClient(http()).search("labels = postmortem-action", List.of("summary"), List.of(), 1000);
        assertEquals(List.of("OPS-101", "OPS-102", "OPS-103"), all.stream().map(JiraModel.Issue::key).toList());
        assertTrue(site.server.received.get(1).body().contains("\"startAt\":2"));
        assertEquals(LocalDate.of(2026, 12, 20), all.get(0).due());
    }

    @Test
    public void cloudSearchPagesByToken() {
        site.server.then(Answer.of(200, Fixtures.read("jira-cloud/search-page1.json"))).then(Answer.of(200, Fixtures.read("jira-cloud/search-page2.json")));
        List<JiraModel.Issue> all = new CloudJiraClient(http()).search("project = OPS", List.of("summary"), List.of("hindsight.remediation"), 1000);
        assertEquals(2, all.size());
        assertEquals("/jira/rest/api/3/search/jql", site.server.received.get(0).pathAndQuery());
        assertTrue(site.server.received.get(1).body().contains("\"nextPageToken\":\"CAEaAggD\""));
        assertEquals("a3ef9b19", all.get(0).property("hindsight.remediation").orElseThrow().get("actionId").orElseThrow());
    }

    private static JiraModel.NewIssue ticket(int i) {
        return new JiraModel.NewIssue("OPS", "Task", "Action " + i, "From PM-12", null, null, null, List.of(), Map.of(),
                List.of(new JiraModel.NewLink("Remediation", "PM-12")), Map.of());
    }

    private static String bulkAnswer(int from, int count) {
        StringBuilder sb = new StringBuilder("{\"issues\":[");
        for (int i = 0; i < count; i++) sb.append(i == 0 ? "" : ",").append("{\"id\":\"").append(20000 + from + i).append("\",\"key\":\"OPS-").append(from + i + 1).append("\"}");
        return sb.append("],\"errors\":[]}").toString();
    }

    @Test
    public void bulkCreateSendsChunksOfFifty() {
        site.server.then(Answer.of(201, bulkAnswer(0, 50))).then(Answer.of(201, bulkAnswer(50, 50))).then(Answer.of(201, bulkAnswer(100, 20)));
        List<JiraModel.NewIssue> tickets = new ArrayList<>();
        for (int i = 0; i < 120; i++) tickets.add(ticket(i));
        JiraModel.BulkResult r = new DataCenterJiraClient(http()).createAll(tickets);
        assertEquals(120, r.created().size());
        assertEquals(3, site.counter.writes());
        assertTrue(site.server.received.get(0).body().contains("\"issuelinks\":[{\"add\":{\"type\":{\"name\":\"Remediation\"},\"outwardIssue\":{\"key\":\"PM-12\"}}}]"));
    }

    @Test
    public void bulkCreateReportsEachFailedElementByItsPosition() {
        site.server.then(Answer.of(201, Fixtures.read("jira-dc/bulk-partial.json")));
        JiraModel.BulkResult r = new DataCenterJiraClient(http()).createAll(List.of(ticket(0), ticket(1), ticket(2)));
        assertEquals(2, r.created().size());
        assertEquals(1, r.errors().size());
        assertEquals(1, r.errors().get(0).index());
        assertTrue(r.errors().get(0).message(), r.errors().get(0).message().contains("customfield_10050: Field 'customfield_10050' cannot be set"));
    }

    @Test
    public void aBulkCreateThatFailsWhollyStillSaysWhyPerElement() {
        site.server.then(Answer.of(400, "{\"issues\":[],\"errors\":[{\"status\":400,\"elementErrors\":{\"errorMessages\":[],\"errors\":{\"project\":\"project is required\"}},\"failedElementNumber\":0}]}"));
        JiraModel.BulkResult r = new DataCenterJiraClient(http()).createAll(List.of(ticket(0)));
        assertEquals(List.of(), r.created());
        assertEquals("project: project is required", r.errors().get(0).message());
    }

    @Test
    public void descriptionsAreWikiMarkupOnDataCenterAndAdfOnCloud() {
        site.server.then(Answer.of(201, "{\"id\":\"1\",\"key\":\"OPS-1\"}")).then(Answer.of(201, "{\"id\":\"1\",\"key\":\"OPS-1\"}"));
        JiraModel.NewIssue i = new JiraModel.NewIssue("OPS", "Task", "Fix it", "Use **bold** {html}", null, "maria", null, List.of(), Map.of(), List.of(), Map.of());
        new DataCenterJiraClient(http()).create(i);
        new CloudJiraClient(http()).create(i);
        assertTrue(site.server.received.get(0).body(), site.server.received.get(0).body().contains("\"description\":\"Use *bold* \\\\{html\\\\}\""));
        assertTrue(site.server.received.get(0).body().contains("\"assignee\":{\"name\":\"maria\"}"));
        assertTrue(site.server.received.get(1).body(), site.server.received.get(1).body().contains("\"description\":{\"type\":\"doc\",\"version\":1"));
        assertTrue(site.server.received.get(1).body().contains("\"assignee\":{\"accountId\":\"maria\"}"));
    }

    @Test
    public void transitionsAndLinkTypesParse() {
        site.server.then(Answer.of(200, Fixtures.read("jira-dc/transitions.json"))).then(Answer.of(200, Fixtures.read("jira-dc/linkTypes.json")));
        DataCenterJiraClient jira = new DataCenterJiraClient(http());
        List<JiraModel.Transition> t = jira.transitions("OPS-7");
        assertEquals(JiraModel.StatusCategory.DONE, t.get(1).toCategory());
        assertEquals("31", t.get(1).id());
        List<JiraModel.LinkTypeInfo> types = jira.linkTypes();
        assertEquals("remediates", types.get(1).outward());
        assertNull(types.stream().filter(l -> l.name().equals("Nope")).findFirst().orElse(null));
    }
}
