package io.hindsight.sandbox.jira;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hindsight.sandbox.site.Exchange;
import io.hindsight.sandbox.site.Flavor;
import io.hindsight.sandbox.Sandbox;
import io.hindsight.sandbox.site.SandboxError;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

/** The JQL Hindsight uses, on a small site: what each clause selects, and what is refused. */
public class JqlTest {
    private Sandbox sandbox;
    private JiraState state;

    @Before
    public void seed() {
        sandbox = Sandbox.start(Flavor.DATA_CENTER, 0, Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC));
        state = sandbox.jira();
        synchronized (state) {
            state.linkTypes.put("10500", new JiraState.LinkType("10500", "Remediation", "is remediated by", "remediates"));
            JiraState.Issue pm = issue("PM", "Checkout outage", null, List.of("postmortem"), "10001");
            JiraState.Issue a = issue("OPS", "Alert on lag", "2026-11-20", List.of("postmortem-action"), "10001");
            JiraState.Issue b = issue("OPS", "Route reads", "2026-12-20", List.of("postmortem-action", "db"), "10001");
            issue("OPS", "Unrelated", "2026-11-01", List.of(), "10002");
            state.links.add(new JiraState.Link("1", "10500", a.key, pm.key));
            state.links.add(new JiraState.Link("2", "10500", b.key, pm.key));
            b.statusId = "10001";
        }
    }

    @After
    public void stop() {
        sandbox.close();
    }

    private JiraState.Issue issue(String project, String summary, String due, List<String> labels, String type) {
        ObjectNode f = Exchange.object().put("summary", summary);
        if (due != null) f.put("duedate", due);
        var l = f.putArray("labels");
        labels.forEach(l::add);
        return state.addIssue(project, type, f, Instant.parse("2026-11-02T10:00:00Z"));
    }

    private List<String> keys(String jql) {
        synchronized (state) {
            return sandbox.jiraApi().search(jql).stream().map(i -> i.key).toList();
        }
    }

    @Test
    public void selectsByProjectTypeLabelsKeyAndLinks() {
        assertEquals(List.of("OPS-1", "OPS-2", "OPS-3"), keys("project = OPS ORDER BY key"));
        assertEquals(List.of("OPS-3"), keys("issuetype = Bug"));
        assertEquals(List.of("OPS-1", "OPS-2"), keys("labels = postmortem-action ORDER BY key ASC"));
        assertEquals(List.of("OPS-2", "OPS-1"), keys("labels in (db, postmortem-action) ORDER BY key DESC"));
        assertEquals(List.of("OPS-3"), keys("project = OPS AND labels is EMPTY"));
        assertEquals(List.of("OPS-1", "PM-1"), keys("key in (PM-1, \"OPS-1\") ORDER BY key"));
        assertEquals(List.of("OPS-1", "OPS-2"), keys("issue in linkedIssues(\"PM-1\", \"is remediated by\") ORDER BY key"));
        assertEquals(List.of("PM-1"), keys("issue in linkedIssues(OPS-1, remediates)"));
        assertEquals(List.of("OPS-1", "OPS-2"), keys("issue in linkedIssues(PM-1) ORDER BY key"));
    }

    @Test
    public void comparesDueDatesWithDatesAndFunctions() {
        assertEquals(List.of("OPS-3", "OPS-1"), keys("duedate < now() ORDER BY duedate"));
        assertEquals(List.of("OPS-1"), keys("labels = postmortem-action AND statusCategory != Done AND duedate < startOfDay()"));
        assertEquals(List.of("OPS-2"), keys("duedate >= \"2026-12-01\""));
        assertEquals(List.of("OPS-2"), keys("duedate > startOfDay(+7d) AND duedate <= 2026/12/31"));
        assertEquals(List.of("OPS-1"), keys("duedate >= -7d AND duedate < now()"));
        assertEquals("issues without a due date never match a comparison", List.of(), keys("project = PM AND duedate < 2030-01-01"));
    }

    @Test
    public void combinesWithParenthesesAndNot() {
        assertEquals(List.of("OPS-2"), keys("statusCategory = Done"));
        assertEquals(List.of("OPS-2"), keys("status = \"Done\" AND project = OPS"));
        assertEquals(List.of("OPS-1", "OPS-3", "PM-1"), keys("NOT statusCategory = Done ORDER BY key"));
        assertEquals(List.of("OPS-1", "OPS-3"), keys("project = OPS AND (labels = db OR duedate < 2026-11-25) AND NOT status = Done ORDER BY key"));
        assertEquals(List.of("OPS-2", "PM-1"), keys("project = PM OR (project = OPS AND statusCategory = \"Done\") ORDER BY key"));
    }

    @Test
    public void anythingElseIsRefusedWithJirasMessage() {
        assertRefused("text ~ outage", "Field 'text' does not exist or you do not have permission to view it.");
        assertRefused("summary ~ outage", "The operator '~' is not supported by the 'summary' field.");
        assertRefused("project = OPS AND (labels = x", "Error in the JQL Query: Expecting ')' but got '<EOF>'.");
        assertRefused("project = OPS labels = x", "Error in the JQL Query: Expecting either 'OR' or 'AND' but got 'labels'.");
        assertRefused("issue in linkedIssues(NOPE-1)", "Issue 'NOPE-1' could not be found in function 'linkedIssues'.");
        // the seeded site has Jira's default link types (Blocks, Duplicate, Relates), but not Cloners
        assertRefused("issue in linkedIssues(PM-1, \"clones\")", "Issue link type 'clones' could not be found in function 'linkedIssues'.");
        assertRefused("duedate < membersOf(x)", "Unable to find JQL function 'membersOf()'.");
        assertRefused("duedate < tomorrow", "Date value 'tomorrow' for field is invalid.");
        assertRefused("project = \"OPS", "has not been completed");
        assertRefused("project = OPS ORDER BY rank", "Field 'rank' does not exist");
    }

    private void assertRefused(String jql, String message) {
        SandboxError e = assertThrows(SandboxError.class, () -> keys(jql));
        assertEquals(400, e.status());
        assertTrue(e.getMessage(), e.getMessage().contains(message));
    }
}
