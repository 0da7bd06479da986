package io.hindsight.sandbox;

import io.hindsight.sandbox.site.Flavor;
import io.hindsight.atlassian.confluence.ConfluenceClient;
import io.hindsight.atlassian.confluence.ConfluenceModel;
import io.hindsight.atlassian.http.AtlassianException;
import io.hindsight.atlassian.jira.JiraClient;
import io.hindsight.atlassian.jira.JiraModel;
import io.hindsight.atlassian.provision.ProvisionPlan;
import io.hindsight.atlassian.provision.ProvisionedIds;
import io.hindsight.atlassian.provision.Provisioner;
import io.hindsight.atlassian.provision.ProvisioningSpec;
import org.junit.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

/**
 * Hindsight's own adapters against the sandbox, Data Center and Cloud: the whole life of a post-mortem
 * at the REST level, with every request and every sandbox response validated against Atlassian's contracts.
 */
public class SandboxContractTest {

    @Test
    public void dataCenter() {
        run(Flavor.DATA_CENTER);
    }

    @Test
    public void cloud() {
        run(Flavor.CLOUD);
    }

    private void run(Flavor flavor) {
        try (Sandbox sandbox = Sandbox.start(flavor, 0)) {
            SandboxClients clients = new SandboxClients(sandbox).validating();
            JiraClient jira = clients.jira();
            assertEquals(flavor == Flavor.CLOUD ? JiraModel.Deployment.CLOUD : JiraModel.Deployment.DATA_CENTER, jira.deployment());
            ConfluenceClient confluence = clients.confluence();

            // provision, twice
            Provisioner provisioner = new Provisioner(jira, clients.agile(), confluence);
            ProvisioningSpec spec = ProvisioningSpec.defaults("PM", "postmortem-action", "OPS");
            ProvisionedIds ids = provisioner.apply(provisioner.plan(spec));
            ProvisionPlan again = provisioner.plan(spec);
            assertTrue(again.describe(), again.nothingToDo());
            assertEquals("the sandbox's default scheme offers every type",
                    ProvisionPlan.Status.EXISTS, again.steps().stream().filter(s -> s.kind() == ProvisionPlan.Kind.ISSUE_TYPE_IN_PROJECT).findFirst().orElseThrow().status());

            // a post-mortem issue with its sections in the provisioned fields
            String whys = ids.fieldIds().get("five-whys");
            JiraModel.IssueRef pm = jira.create(new JiraModel.NewIssue("PM", ids.issueTypeId(), "Checkout outage", "For 41 minutes **18%** of checkouts failed.",
                    null, null, null, List.of("postmortem"), Map.of(whys, new JiraModel.RichText("1. Why? Replica lag.\n2. Why? No throttling.")), List.of(), Map.of()));

            // remediation tickets in one bulk request, linked and tagged inline
            List<JiraModel.NewIssue> tickets = List.of(
                    ticket(pm.key(), "Alert on replication lag above 60 s", "maria", "a1"),
                    ticket(pm.key(), "Route reads away from lagging replicas", "kenji", "a2"),
                    ticket(pm.key(), "Add a rate limit to the import tool", null, "a3"));
            long before = sandbox.log().writes();
            JiraModel.BulkResult created = jira.createAll(tickets);
            assertEquals(List.of(), created.errors());
            assertEquals(3, created.created().size());
            assertEquals("one request for three tickets", 1, sandbox.log().writes() - before);

            List<JiraModel.Issue> linked = jira.search("issue in linkedIssues(\"" + pm.key() + "\", \"is remediated by\") ORDER BY key",
                    List.of("summary", "status", "labels", "duedate"), List.of("hindsight.remediation"), 100);
            assertEquals(List.of("Alert on replication lag above 60 s", "Route reads away from lagging replicas", "Add a rate limit to the import tool"),
                    linked.stream().map(JiraModel.Issue::summary).toList());
            if (flavor == Flavor.CLOUD) assertEquals("a1", linked.get(0).property("hindsight.remediation").orElseThrow().get("actionId").orElseThrow());
            String first = linked.get(0).key();
            assertEquals("a1", jira.property(first, "hindsight.remediation").orElseThrow().get("actionId").orElseThrow());

            JiraModel.Issue pmIssue = jira.issue(pm.key(), List.of("summary", "issuelinks", whys), List.of()).orElseThrow();
            assertEquals(3, pmIssue.links().size());
            assertEquals("is remediated by", pmIssue.links().get(0).description());
            assertTrue(pmIssue.fields().get(whys).toString(), pmIssue.fields().get(whys).toString().contains("No throttling"));

            jira.edit(first, new JiraModel.IssueEdit(null, null, "High", null, LocalDate.of(2027, 1, 15), null, Map.of()));
            jira.comment(pm.key(), "Hindsight created **3** remediation tickets.");
            String done = jira.transitions(first).stream().filter(t -> t.toCategory() == JiraModel.StatusCategory.DONE).findFirst().orElseThrow().id();
            jira.transition(first, done);
            assertEquals(List.of(first), jira.search("labels = postmortem-action AND statusCategory = Done", List.of("summary"), List.of(), 10)
                    .stream().map(JiraModel.Issue::key).toList());
            assertEquals(2, jira.search("labels = postmortem-action AND statusCategory != Done AND duedate >= 2026-12-01",
                    List.of("summary"), List.of(), 10).size());
            jira.setProperty(pm.key(), "hindsight.postmortem", new JiraModel.Property(Map.of("pageHash", "sha256:ab")));
            assertEquals(1, jira.findUsers("maria").size());
            assertEquals(3, clients.agile().boardIssueKeys(ids.boardId()).size());

            // the Confluence page: create under the parent, update with version + 1, labels, properties
            ConfluenceModel.Page page = confluence.create(new ConfluenceModel.NewPage("OPS", ids.parentPageId(), pm.key() + ": Checkout outage",
                    "<p>Generated by Hindsight</p>", List.of("postmortem", "sev2")));
            assertEquals(1, page.version());
            ConfluenceModel.Page found = confluence.findPage("OPS", pm.key() + ": Checkout outage").orElseThrow();
            ConfluenceModel.Page updated = confluence.update(found.id(), found.title(), "<p>Updated</p>", found.version() + 1, "Synced by Hindsight");
            assertEquals(2, updated.version());
            assertThrows(AtlassianException.Conflict.class, () -> confluence.update(found.id(), found.title(), "<p>stale</p>", 2, null));
            confluence.setProperty(page.id(), "hindsight", Map.of("hash", "sha256:1"), Optional.empty());
            Optional<ConfluenceModel.Property> prop = confluence.property(page.id(), "hindsight");
            confluence.setProperty(page.id(), "hindsight", Map.of("hash", "sha256:2"), prop);
            assertEquals("sha256:2", confluence.property(page.id(), "hindsight").orElseThrow().value().get("hash"));

            // a custom field that is not on the screen: the error names the field, the project and the issue type
            String offScreen = jira.createField("Customer quote", "not on any screen", "com.atlassian.jira.plugin.system.customfieldtypes:textarea", null).id();
            AtlassianException.BadRequest e = assertThrows(AtlassianException.BadRequest.class, () -> jira.create(new JiraModel.NewIssue("OPS", "Task", "x",
                    null, null, null, null, List.of(), Map.of(offScreen, new JiraModel.Text("y")), List.of(), Map.of())));
            assertTrue(e.getMessage(), e.getMessage().startsWith("Jira cannot set 'Customer quote' (" + offScreen + ") on a new Task in project OPS"));

            System.out.println(flavor + ": " + clients.checked.size() + " exchanges validated against the contracts");
            assertTrue(String.join("\n", clients.violations), clients.violations.isEmpty());
        }
    }

    private static JiraModel.NewIssue ticket(String pmKey, String summary, String owner, String actionId) {
        return new JiraModel.NewIssue("OPS", "Task", summary, "Remediation action from " + pmKey, "High", owner, LocalDate.of(2026, 12, 20),
                List.of("postmortem-action"), Map.of(), List.of(new JiraModel.NewLink("Remediation", pmKey)),
                Map.of("hindsight.remediation", new JiraModel.Property(Map.of("postMortem", pmKey, "actionId", actionId))));
    }
}
