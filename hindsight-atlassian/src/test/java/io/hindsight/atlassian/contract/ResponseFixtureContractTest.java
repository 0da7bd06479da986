package io.hindsight.atlassian.contract;

import com.atlassian.oai.validator.report.ValidationReport;
import io.hindsight.atlassian.Fixtures;
import org.junit.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.Assert.assertTrue;

/** The response fixtures our parser tests read are themselves what the contracts say the servers send. */
public class ResponseFixtureContractTest {
    record Case(String fixture, AtlassianContracts contract, String method, String path, int status) {
        Case(String fixture, AtlassianContracts contract, String method, String path) {
            this(fixture, contract, method, path, 200);
        }
    }

    private static final List<Case> CASES = List.of(
            new Case("jira-dc/serverInfo.json", AtlassianContracts.JIRA_DC, "GET", "/rest/api/2/serverInfo"),
            new Case("jira-cloud/serverInfo.json", AtlassianContracts.JIRA_CLOUD, "GET", "/rest/api/3/serverInfo"),
            new Case("jira-dc/issue-pm-12.json", AtlassianContracts.JIRA_DC, "GET", "/rest/api/2/issue/PM-12"),
            new Case("jira-cloud/issue-pm-12.json", AtlassianContracts.JIRA_CLOUD, "GET", "/rest/api/3/issue/PM-12"),
            new Case("jira-dc/search-page1.json", AtlassianContracts.JIRA_DC, "POST", "/rest/api/2/search"),
            new Case("jira-dc/search-page2.json", AtlassianContracts.JIRA_DC, "POST", "/rest/api/2/search"),
            new Case("jira-cloud/search-page1.json", AtlassianContracts.JIRA_CLOUD, "POST", "/rest/api/3/search/jql"),
            new Case("jira-cloud/search-page2.json", AtlassianContracts.JIRA_CLOUD, "POST", "/rest/api/3/search/jql"),
            new Case("jira-dc/bulk-partial.json", AtlassianContracts.JIRA_DC, "POST", "/rest/api/2/issue/bulk", 201),
            new Case("jira-dc/transitions.json", AtlassianContracts.JIRA_DC, "GET", "/rest/api/2/issue/OPS-7/transitions"),
            new Case("jira-dc/linkTypes.json", AtlassianContracts.JIRA_DC, "GET", "/rest/api/2/issueLinkType"),
            new Case("jira-cloud/users.json", AtlassianContracts.JIRA_CLOUD, "GET", "/rest/api/3/user/search"),
            new Case("confluence-dc/page.json", AtlassianContracts.CONFLUENCE_DC, "GET", "/rest/api/content/65601"),
            new Case("confluence-cloud/page.json", AtlassianContracts.CONFLUENCE_CLOUD_V2, "GET", "/wiki/api/v2/pages/65601"),
            new Case("confluence-cloud/properties.json", AtlassianContracts.CONFLUENCE_CLOUD_V2, "GET", "/wiki/api/v2/pages/65601/properties"));

    @Test
    public void everyResponseFixtureMatchesItsContract() {
        List<String> failures = new ArrayList<>();
        for (Case c : CASES) {
            ValidationReport r = c.contract().validateResponse(c.method(), c.path(), c.status(), Fixtures.read(c.fixture()));
            System.out.println((r.hasErrors() ? "FAIL " : "ok   ") + c.fixture() + " as " + c.method() + " " + c.path() + " (" + c.contract().file() + ")");
            r.getMessages().stream().filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                    .forEach(m -> failures.add(c.fixture() + ": " + m.getKey() + " " + m.getMessage() + " " + m.getNestedMessages()));
        }
        assertTrue(String.join("\n", failures), failures.isEmpty());
    }
}
