package io.hindsight.jira.jira;

import com.atlassian.jira.bc.issue.IssueService;
import com.atlassian.jira.issue.IssueInputParameters;
import com.atlassian.jira.issue.MutableIssue;
import com.atlassian.jira.issue.issuetype.IssueType;
import com.atlassian.jira.issue.link.IssueLink;
import com.atlassian.jira.issue.link.IssueLinkType;
import com.atlassian.jira.util.SimpleErrorCollection;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hindsight.atlassian.adapter.JiraPostMortemStore;
import io.hindsight.atlassian.adapter.JiraTicketTracker;
import io.hindsight.atlassian.jira.JiraClient;
import io.hindsight.atlassian.jira.JiraModel;
import io.hindsight.atlassian.jira.JiraParsers;
import io.hindsight.atlassian.jira.JiraRequests;
import io.hindsight.atlassian.provision.ProvisionedIds;
import io.hindsight.core.markdown.MarkdownReader;
import io.hindsight.core.model.IssueKey;
import io.hindsight.core.model.PostMortem;
import io.hindsight.core.model.RemediationTicket;
import io.hindsight.core.model.SyncState;
import io.hindsight.core.plan.DesiredTicket;
import io.hindsight.core.plan.RemediationPlan;
import io.hindsight.core.plan.RemediationPlanner;
import io.hindsight.core.plan.SloPolicyLoader;
import io.hindsight.core.port.Schema;
import io.hindsight.core.sync.Reconciler;
import io.hindsight.jira.testing.I18n;
import io.hindsight.jira.testing.Fixtures;
import io.hindsight.jira.testing.JiraMocks;
import org.junit.Test;
import org.mockito.ArgumentCaptor;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * The app and the REST host (hindsight-atlassian's adapters, as the service runs them) write the same identity
 * on a site, so either finds what the other made and neither duplicates a ticket: the state property's key
 * and JSON, and on each ticket the action-id label and the {@code hindsight.remediation} property.
 */
public class SameIdentityAsTheRestHostTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final JiraMocks jira = new JiraMocks();
    private final JiraClient rest = mock(JiraClient.class);
    private final ProvisionedIds restIds = JiraFields.ids(jira.api.fields().present());

    {
        when(rest.deployment()).thenReturn(JiraModel.Deployment.DATA_CENTER);
    }

    @Test
    public void theStatePropertyHasTheSameKeyAndTheSameJsonAndEachReadsTheOthers() throws Exception {
        SyncState state = new SyncState("98765", "r-hash", "s-hash", 4, null, List.of("OPS-1", "OPS-2"), List.of("updated:OPS-2"),
                Instant.parse("2026-11-26T12:03:00Z"), Map.of("OPS-3", "In Progress"), List.of("OPS-4"), List.of("tomas"));
        MutableIssue pm = jira.issue(10L, "PM-1", Schema.POST_MORTEM_TYPE, "new");

        new JiraPostMortems(jira.api, () -> jira.hindsight, Map.of("", "").keySet(), new I18n()).saveState(IssueKey.of("PM-1"), state);
        String appJson = jira.stored.get("10/" + Schema.STATE_PROPERTY);

        new JiraPostMortemStore(rest, restIds, java.util.Set.of()).saveState(IssueKey.of("PM-1"), state);
        ArgumentCaptor<JiraModel.Property> written = ArgumentCaptor.forClass(JiraModel.Property.class);
        verify(rest).setProperty(eq("PM-1"), eq(Schema.STATE_PROPERTY), written.capture());
        String restJson = new JiraRequests(JiraModel.Deployment.DATA_CENTER).setProperty("PM-1", Schema.STATE_PROPERTY, written.getValue()).body();

        assertEquals("the JSON Jira stores is the same from either host", JSON.readTree(restJson), JSON.readTree(appJson));

        // the REST host reads what the app wrote (as Jira's GET .../properties/{key} answers it) ...
        JiraModel.Property asRestReadsIt = JiraParsers.propertyResponse("{\"key\":\"" + Schema.STATE_PROPERTY + "\",\"value\":" + appJson + "}");
        when(rest.issue(eq("PM-1"), anyList(), anyList())).thenReturn(Optional.of(new JiraModel.Issue("10", "PM-1", "t", Schema.POST_MORTEM_TYPE, restIds.issueTypeId(), "PM", "Open",
                JiraModel.StatusCategory.TO_DO, null, null, null, List.of(), List.of(), Map.of(), Map.of(Schema.STATE_PROPERTY, asRestReadsIt))));
        assertEquals(state, new JiraPostMortemStore(rest, restIds, java.util.Set.of()).load(IssueKey.of("PM-1")).orElseThrow().state());
        // ... and the app what the REST host wrote
        jira.stored.put("10/" + Schema.STATE_PROPERTY, restJson);
        assertEquals(state, new JiraPostMortems(jira.api, () -> jira.hindsight, java.util.Set.of(), new I18n()).load(IssueKey.of("PM-1")).orElseThrow().state());
        assertEquals(pm, jira.issues.getIssueObject("PM-1"));
    }

    @Test
    public void aTicketCarriesTheSameLabelAndPropertyFromEitherHostAndTheOtherFindsIt() throws Exception {
        DesiredTicket action = plannedTickets().get(0);

        // the REST host: one bulk create with the label and the property inline
        when(rest.createAll(anyList())).thenReturn(new JiraModel.BulkResult(List.of(new JiraModel.IssueRef("20", "OPS-7")), List.of()));
        new JiraTicketTracker(rest, restIds).create(IssueKey.of("PM-1"), List.of(action));
        @SuppressWarnings("unchecked")
        ArgumentCaptor<List<JiraModel.NewIssue>> bulk = ArgumentCaptor.forClass(List.class);
        verify(rest).createAll(bulk.capture());
        JiraModel.NewIssue restTicket = bulk.getValue().get(0);
        JsonNode restRequest = JSON.readTree(new JiraRequests(JiraModel.Deployment.DATA_CENTER).createIssues(bulk.getValue()).body()).path("issueUpdates").get(0);

        // the app: IssueService with the labels, then the property
        MutableIssue pm = jira.issue(10L, "PM-1", Schema.POST_MORTEM_TYPE, "new");
        IssueLinkType remediation = jira.linkType(5L, Schema.LINK_TYPE, Schema.LINK_OUTWARD, Schema.LINK_INWARD);
        jira.project("OPS", 300L);
        IssueType task = jira.issueType(Schema.TICKET_TYPE, "3");
        when(jira.issueTypes.getIssueTypes()).thenReturn(List.of(task));
        when(jira.search.parseQuery(any(), any())).thenReturn(new com.atlassian.jira.bc.issue.search.SearchService.ParseResult(mock(com.atlassian.query.Query.class), null));
        when(jira.search.search(any(), any(), any())).thenReturn(new com.atlassian.jira.issue.search.SearchResults<>(List.of(), 0, 0, null));
        MutableIssue created = jira.issue(21L, "OPS-8", Schema.TICKET_TYPE, "new");
        when(jira.issueService.validateCreate(any(), any())).thenReturn(new IssueService.CreateValidationResult(null, new SimpleErrorCollection(), Map.of()));
        when(jira.issueService.create(any(), any())).thenReturn(new IssueService.IssueResult(created, new SimpleErrorCollection()));
        new JiraTickets(jira.api, () -> jira.hindsight, new I18n()).create(IssueKey.of("PM-1"), List.of(action));
        ArgumentCaptor<IssueInputParameters> input = ArgumentCaptor.forClass(IssueInputParameters.class);
        verify(jira.issueService).validateCreate(eq(jira.hindsight), input.capture());
        ArgumentCaptor<String[]> labels = ArgumentCaptor.forClass(String[].class);
        verify(input.getValue()).addCustomFieldValue(eq("labels"), labels.capture());

        assertEquals("the same labels, the action's among them", restTicket.labels(), Arrays.asList(labels.getValue()));
        assertTrue(restTicket.labels().contains(Schema.ACTION_LABEL_PREFIX + action.actionId()));
        JsonNode restProperty = restRequest.path("properties").get(0);
        assertEquals(Schema.TICKET_PROPERTY, restProperty.path("key").asText());
        assertEquals("the same property JSON", restProperty.path("value"), JSON.readTree(jira.stored.get("21/" + Schema.TICKET_PROPERTY)));
        assertEquals("linked as the REST host links it: the ticket remediates the post-mortem",
                Schema.LINK_TYPE, restRequest.path("update").path("issuelinks").get(0).path("add").path("type").path("name").asText());
        verify(jira.links).createIssueLink(21L, 10L, 5L, null, jira.hindsight);

        // a ticket the REST host made, as the app reads it: its action matched, so a sync creates nothing
        MutableIssue restMade = jira.issue(20L, "OPS-7", Schema.TICKET_TYPE, "new", restTicket.labels().toArray(String[]::new));
        when(restMade.getSummary()).thenReturn(restTicket.summary());
        IssueLink link = mock(IssueLink.class);
        when(link.getIssueLinkType()).thenReturn(remediation);
        when(link.getSourceObject()).thenReturn(restMade);
        when(jira.links.getInwardLinks(10L)).thenReturn(List.of(link));
        List<RemediationTicket> found = new JiraTickets(jira.api, () -> jira.hindsight, new I18n()).tickets(IssueKey.of("PM-1"));
        assertEquals(action.actionId(), found.get(0).actionId());
        RemediationPlan full = plan();
        RemediationPlan plan = new RemediationPlan("PM-1", List.of(action), full.durations(), full.dueBasisDate(), List.of());
        assertEquals("nothing to create: the REST host's ticket answers for the action", List.of(),
                new Reconciler(n -> Optional.of(n)).reconcile(plan, found).toCreate());
        assertEquals(pm, jira.issues.getIssueObject("PM-1"));
    }

    private static RemediationPlan plan() {
        PostMortem pm = new MarkdownReader(SloPolicyLoader.defaults().actionClasses()).read(Fixtures.CLEAN, "pm.md").postMortem().withKey("PM-1");
        return new RemediationPlanner(SloPolicyLoader.defaults()).plan(pm, LocalDate.of(2026, 11, 20), null);
    }

    private static List<DesiredTicket> plannedTickets() {
        List<DesiredTicket> out = new ArrayList<>(plan().tickets());
        out.removeIf(d -> !"OPS".equals(d.project()));
        return out;
    }
}
