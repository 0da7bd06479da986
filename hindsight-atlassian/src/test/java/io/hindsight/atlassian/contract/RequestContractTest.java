package io.hindsight.atlassian.contract;

import com.atlassian.oai.validator.report.ValidationReport;
import io.hindsight.atlassian.agile.AgileClient;
import io.hindsight.atlassian.confluence.CloudConfluenceClient;
import io.hindsight.atlassian.confluence.ConfluenceModel;
import io.hindsight.atlassian.confluence.DataCenterConfluenceClient;
import io.hindsight.atlassian.http.ApiRequest;
import io.hindsight.atlassian.jira.JiraModel;
import io.hindsight.atlassian.jira.JiraModel.Deployment;
import io.hindsight.atlassian.jira.JiraRequests;
import org.junit.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.Assert.assertTrue;

/**
 * Every request the adapters can send, validated against the Atlassian contract that describes it.
 * The table printed at the end is the list of operations with their Data Center and Cloud paths.
 */
public class RequestContractTest {
    record Case(String operation, AtlassianContracts contract, ApiRequest request) {
    }

    static JiraModel.NewIssue remediationTicket() {
        return new JiraModel.NewIssue("OPS", "10002", "Alert on replication lag above 60 s",
                "Remediation action from **PM-12**.\n\n- [runbook](https://docs.example.com/runbook)", "High", "maria",
                LocalDate.of(2026, 12, 20), List.of("postmortem-action"),
                Map.of("customfield_10050", new JiraModel.Text("a3ef9b19"), "customfield_10051", new JiraModel.RichText("Why? *Because*.")),
                List.of(new JiraModel.NewLink("Remediation", "PM-12")),
                Map.of("hindsight.remediation", new JiraModel.Property(Map.of("postMortem", "PM-12", "actionId", "a3ef9b19"))));
    }

    static List<Case> jiraCases(Deployment d) {
        JiraRequests r = new JiraRequests(d);
        AtlassianContracts c = d == Deployment.CLOUD ? AtlassianContracts.JIRA_CLOUD : AtlassianContracts.JIRA_DC;
        JiraModel.NewIssue ticket = remediationTicket();
        JiraModel.IssueEdit edit = new JiraModel.IssueEdit("New summary", "Now *with* a description", "Highest", "kenji",
                LocalDate.of(2027, 1, 15), List.of("hindsight-reminded-overdue"),
                Map.of("customfield_10060", new JiraModel.Option("SEV2"), "customfield_10061", new JiraModel.DateTime("2026-11-02T14:00:00.000+0100")));
        List<Case> cases = new ArrayList<>(List.of(
                new Case("server info", c, d == Deployment.CLOUD ? JiraRequests.serverInfo().withPath("/rest/api/3/serverInfo") : JiraRequests.serverInfo()),
                new Case("get issue with fields, links, properties", c, r.getIssue("PM-12", List.of("summary", "status", "issuelinks", "customfield_10010"), List.of("hindsight.postmortem"))),
                new Case("create issue (links and properties inline)", c, r.createIssue(ticket)),
                new Case("bulk create", c, r.createIssues(List.of(ticket, ticket))),
                new Case("edit issue", c, r.editIssue("OPS-7", edit)),
                new Case("comment", c, r.addComment("PM-12", "Hindsight synced **3** actions.", List.of())),
                new Case("comment mentioning people", c, r.addComment("OPS-7", "OPS-7 is overdue by 8 days.", List.of(new JiraModel.User(d == Deployment.CLOUD ? "712020:4f1c2a9e-0b7d-4c3e-9a51-6d2f8e0c1b3a" : "maria", "Maria Garcia", null)))),
                new Case("comment carrying a mark (comment property)", c, r.addComment("PM-12", "Hindsight synced **3** actions.", List.of(),
                        Map.of("hindsight.sync", new JiraModel.Property(Map.of("mark", "sha256:ab12"))))),
                new Case("newest comments with their properties", c, r.recentComments("PM-12", 50)),
                new Case("transitions", c, r.transitions("OPS-7")),
                new Case("transition", c, r.transition("OPS-7", "31")),
                new Case("transition setting a resolution", c, r.transition("OPS-13", "31", "Duplicate")),
                new Case("link two issues (a duplicate)", c, r.createLink("Duplicate", "OPS-13", "OPS-1")),
                new Case("get entity property", c, r.getProperty("OPS-7", "hindsight.remediation")),
                new Case("set entity property", c, r.setProperty("OPS-7", "hindsight.remediation", new JiraModel.Property(Map.of("postMortem", "PM-12")))),
                new Case("JQL search, first page", c, r.search("issue in linkedIssues(\"PM-12\", \"is remediated by\")", List.of("summary", "status"), List.of("hindsight.remediation"), 100, null)),
                new Case("JQL search, next page", c, r.search("project = OPS", List.of("summary"), List.of(), 100, d == Deployment.CLOUD ? "CAEaAggD" : "100")),
                new Case("find users", c, r.findUsers("maria")),
                new Case("myself", c, r.myself()),
                new Case("project", c, r.project("OPS")),
                new Case("issue types", c, r.issueTypes()),
                new Case("create issue type", c, r.createIssueType("Post-mortem", "A blameless post-mortem")),
                new Case("fields", c, r.fields()),
                new Case("create custom field", c, r.createField("Five whys", "Hindsight: the five whys",
                        "com.atlassian.jira.plugin.system.customfieldtypes:textarea", "com.atlassian.jira.plugin.system.customfieldtypes:textsearcher")),
                new Case("screens", c, r.screens()),
                new Case("screen tabs", c, r.screenTabs("1")),
                new Case("screen tab fields", c, r.screenTabFields("1", "10000")),
                new Case("add field to screen tab", c, r.addFieldToTab("1", "10000", "customfield_10050")),
                new Case("issue link types", c, r.linkTypes()),
                new Case("create issue link type", c, r.createLinkType("Remediation", "is remediated by", "remediates")),
                new Case("find filter by name", c, r.findFilters("Hindsight remediation")),
                new Case("create filter", c, r.createFilter("Hindsight remediation", "labels = postmortem-action ORDER BY duedate", "Remediation tickets"))));
        AtlassianContracts agile = d == Deployment.CLOUD ? AtlassianContracts.JIRA_SOFTWARE : AtlassianContracts.JIRA_DC;
        cases.add(new Case("find boards", agile, AgileClient.findBoardsRequest("Remediation", 0)));
        cases.add(new Case("create Kanban board", agile, AgileClient.createBoardRequest("Remediation", 10040, "OPS", d)));
        cases.add(new Case("board issues", agile, AgileClient.boardIssuesRequest(12, 0, 100)));
        return cases;
    }

    static List<Case> confluenceCases() {
        ConfluenceModel.NewPage page = new ConfluenceModel.NewPage("OPS", "98305", "PM-12: Checkout outage", "<p>x</p>", List.of("postmortem"));
        AtlassianContracts dc = AtlassianContracts.CONFLUENCE_DC;
        AtlassianContracts v2 = AtlassianContracts.CONFLUENCE_CLOUD_V2;
        Map<String, String> value = Map.of("hash", "sha256:ab12", "issue", "PM-12");
        return List.of(
                new Case("find page by space and title", dc, DataCenterConfluenceClient.findPageRequest("OPS", "PM-12: Checkout outage")),
                new Case("get page", dc, DataCenterConfluenceClient.getPageRequest("65601")),
                new Case("create page", dc, DataCenterConfluenceClient.createPageRequest(page)),
                new Case("update page (version + 1)", dc, DataCenterConfluenceClient.updatePageRequest("65601", "PM-12: Checkout outage", "<p>y</p>", 3, "Synced by Hindsight")),
                new Case("add labels", dc, DataCenterConfluenceClient.addLabelsRequest("65601", List.of("postmortem", "sev2"))),
                new Case("get content property", dc, DataCenterConfluenceClient.getPropertyRequest("65601", "hindsight")),
                new Case("create content property", dc, DataCenterConfluenceClient.createPropertyRequest("65601", "hindsight", value)),
                new Case("update content property", dc, DataCenterConfluenceClient.updatePropertyRequest("65601", "hindsight", value, 2)),
                new Case("space id by key", v2, CloudConfluenceClient.spaceRequest("OPS")),
                new Case("find page by space and title", v2, CloudConfluenceClient.findPageRequest("131073", "PM-12: Checkout outage")),
                new Case("get page", v2, CloudConfluenceClient.getPageRequest("65601")),
                new Case("create page", v2, CloudConfluenceClient.createPageRequest("131073", "98305", "PM-12: Checkout outage", "<p>x</p>")),
                new Case("update page (version + 1)", v2, CloudConfluenceClient.updatePageRequest("65601", "PM-12: Checkout outage", "<p>y</p>", 3, "Synced by Hindsight")),
                new Case("add labels (v1)", AtlassianContracts.CONFLUENCE_CLOUD_V1, CloudConfluenceClient.addLabelsRequest("65601", List.of("postmortem"))),
                new Case("get page property", v2, CloudConfluenceClient.getPropertyRequest("65601", "hindsight")),
                new Case("create page property", v2, CloudConfluenceClient.createPropertyRequest("65601", "hindsight", value)),
                new Case("update page property", v2, CloudConfluenceClient.updatePropertyRequest("65601", "229382", "hindsight", value, 2)));
    }

    private static void validateAll(List<Case> cases) {
        List<String> failures = new ArrayList<>();
        for (Case c : cases) {
            ValidationReport report = c.contract().validate(c.request());
            String line = String.format("  %-42s %-7s %-58s %s", c.operation(), c.request().method(), c.request().path(), c.contract().file());
            System.out.println((report.hasErrors() ? "FAIL" : "ok  ") + line);
            if (report.hasErrors()) {
                report.getMessages().stream().filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                        .forEach(m -> failures.add(c.operation() + " (" + c.contract() + "): " + m.getKey() + " " + m.getMessage()));
            }
        }
        assertTrue(String.join("\n", failures), failures.isEmpty());
    }

    @Test
    public void jiraDataCenterRequestsMatchJiraDc103() {
        validateAll(jiraCases(Deployment.DATA_CENTER));
    }

    @Test
    public void jiraCloudRequestsMatchThePlatformAndSoftwareContracts() {
        validateAll(jiraCases(Deployment.CLOUD));
    }

    @Test
    public void confluenceRequestsMatchDcAndCloudContracts() {
        validateAll(confluenceCases());
    }
}
