package io.hindsight.jira.jira;

import com.atlassian.jira.bc.issue.IssueService;
import com.atlassian.jira.bc.issue.search.SearchService;
import com.atlassian.jira.event.type.EventDispatchOption;
import com.atlassian.jira.issue.Issue;
import com.atlassian.jira.issue.IssueInputParameters;
import com.atlassian.jira.issue.MutableIssue;
import com.atlassian.jira.issue.customfields.option.Option;
import com.atlassian.jira.issue.customfields.option.Options;
import com.atlassian.jira.issue.fields.config.FieldConfig;
import com.atlassian.jira.issue.issuetype.IssueType;
import com.atlassian.jira.issue.link.IssueLink;
import com.atlassian.jira.issue.link.IssueLinkType;
import com.atlassian.jira.issue.search.SearchResults;
import com.atlassian.jira.issue.status.Status;
import com.atlassian.jira.util.SimpleErrorCollection;
import com.atlassian.jira.workflow.JiraWorkflow;
import com.atlassian.query.Query;
import com.opensymphony.workflow.loader.WorkflowDescriptor;
import com.opensymphony.workflow.loader.WorkflowLoader;
import io.hindsight.core.model.IssueKey;
import io.hindsight.core.model.PostMortem;
import io.hindsight.core.model.RemediationTicket;
import io.hindsight.core.model.Severity;
import io.hindsight.core.model.SyncState;
import io.hindsight.core.plan.DesiredTicket;
import io.hindsight.core.plan.SloPolicyLoader;
import io.hindsight.core.port.CreatedTickets;
import io.hindsight.core.port.DueTicket;
import io.hindsight.core.port.Person;
import io.hindsight.core.port.PostMortemStore;
import io.hindsight.core.port.Schema;
import io.hindsight.core.port.TicketChange;
import io.hindsight.jira.testing.I18n;
import io.hindsight.jira.testing.JiraMocks;
import org.junit.Test;
import org.mockito.ArgumentCaptor;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The post-mortem store and the ticket tracker over Jira's managers (Mockito), and the workflow walk on OSWorkflow 2.7. */
public class JiraPortsTest {
    private final JiraMocks jira = new JiraMocks();
    private final Set<String> classes = SloPolicyLoader.defaults().actionClasses();
    private final JiraPostMortems store = new JiraPostMortems(jira.api, () -> jira.hindsight, classes, new I18n());
    private final JiraTickets tracker = new JiraTickets(jira.api, () -> jira.hindsight, new I18n());

    @Test
    public void aPostMortemIsReadFromItsFieldsInTheFileGrammarAndItsStateFromTheProperty() {
        MutableIssue pm = jira.issue(10L, "PM-1", Schema.POST_MORTEM_TYPE, "indeterminate");
        when(pm.getSummary()).thenReturn("Checkout outage");
        Option sev2 = mock(Option.class);
        when(sev2.getValue()).thenReturn("SEV2");
        when(pm.getCustomFieldValue(jira.fields.get("severity"))).thenReturn(sev2);
        when(pm.getCustomFieldValue(jira.fields.get("started"))).thenReturn(Timestamp.from(Instant.parse("2026-11-02T13:00:00Z")));
        when(pm.getCustomFieldValue(jira.fields.get("root-cause"))).thenReturn("The import job wrote faster than the replica could apply.");
        when(pm.getCustomFieldValue(jira.fields.get("action-items"))).thenReturn("- [ ] Alert when replication lag exceeds 60 s @maria due:2026-12-20 project:OPS");
        jira.stored.put("10/" + Schema.STATE_PROPERTY, "{\"pageId\":\"123\",\"renderedHash\":\"abc\",\"pageVersion\":\"3\"}");

        var stored = store.load(IssueKey.of("PM-1")).orElseThrow();
        PostMortem p = stored.postMortem();
        assertEquals("Checkout outage", p.title());
        assertEquals(Severity.SEV2, p.severity());
        assertEquals(Instant.parse("2026-11-02T13:00:00Z"), p.times().started().toInstant());
        assertTrue(p.section(io.hindsight.core.model.SectionKind.ROOT_CAUSE).orElseThrow().text().contains("replica"));
        assertEquals(1, p.actionItems().size());
        assertEquals("maria", p.actionItems().get(0).owner());
        assertEquals(SyncState.ofPage("123", "abc", null, 3, null), stored.state());
        assertEquals(PostMortemStore.Kind.POST_MORTEM, stored.kind());

        jira.issue(11L, "OPS-1", "Bug", "new");
        assertEquals("another issue type is no post-mortem: loaded, and said so", PostMortemStore.Kind.OTHER, store.load(IssueKey.of("OPS-1")).orElseThrow().kind());
        assertEquals(Optional.empty(), store.load(IssueKey.of("PM-404")));
    }

    @Test
    public void creatingAPostMortemGoesThroughIssueServiceThenWritesItsFieldsAsHindsight() {
        IssueType type = jira.issueType(Schema.POST_MORTEM_TYPE, "10100");
        when(jira.issueTypes.getIssueTypes()).thenReturn(List.of(type));
        MutableIssue created = jira.issue(12L, "PM-2", Schema.POST_MORTEM_TYPE, "new");
        // the project's issue type scheme offers the type
        when(jira.project("PM", 200L).getIssueTypes()).thenReturn((java.util.Collection) List.of(type));
        when(jira.issueService.validateCreate(any(), any())).thenReturn(new IssueService.CreateValidationResult(null, new SimpleErrorCollection(), Map.of()));
        when(jira.issueService.create(any(), any())).thenReturn(new IssueService.IssueResult(created, new SimpleErrorCollection()));
        Option sev1 = mock(Option.class);
        when(sev1.getValue()).thenReturn("SEV1");
        FieldConfig config = mock(FieldConfig.class);
        Options offered = mock(Options.class);
        when(offered.stream()).thenAnswer(inv -> List.of(sev1).stream());
        when(jira.fields.get("severity").getRelevantConfig(created)).thenReturn(config);
        when(jira.options.getOptions(config)).thenReturn(offered);
        PostMortem draft = new io.hindsight.core.markdown.MarkdownReader(classes).read("""
                ---
                title: Payments down
                severity: SEV1
                ---

                ## Root cause
                <What made it possible?>
                """, "draft").postMortem();

        assertEquals(IssueKey.of("PM-2"), store.create("PM", draft).key());
        ArgumentCaptor<IssueInputParameters> input = ArgumentCaptor.forClass(IssueInputParameters.class);
        verify(jira.issueService).validateCreate(eq(jira.hindsight), input.capture());
        verify(input.getValue()).setSkipScreenCheck(true);
        verify(input.getValue()).setProjectId(200L);
        verify(input.getValue()).setIssueTypeId("10100");
        verify(input.getValue()).setSummary("Payments down");
        verify(input.getValue()).addCustomFieldValue("labels", Schema.POST_MORTEM_LABEL);
        verify(created).setCustomFieldValue(jira.fields.get("severity"), sev1);
        verify(created).setCustomFieldValue(jira.fields.get("root-cause"), "<What made it possible?>");
        verify(jira.issues).updateIssue(jira.hindsight, created, EventDispatchOption.ISSUE_UPDATED, false);

        SimpleErrorCollection noSummary = errors("summary", "You must specify a summary");
        when(jira.issueService.validateCreate(any(), any())).thenReturn(new IssueService.CreateValidationResult(null, noSummary, Map.of()));
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> store.create("PM", draft));
        assertTrue(refused.getMessage(), refused.getMessage().contains("summary: You must specify a summary"));
        assertThrows("no such project", IllegalArgumentException.class, () -> store.create("NOPE", draft));
    }

    @Test
    public void aProjectWhoseIssueTypeSchemeLacksThePostMortemTypeIsSaidPlainlyBeforeAnythingIsWritten() {
        IssueType type = jira.issueType(Schema.POST_MORTEM_TYPE, "10100");
        when(jira.issueTypes.getIssueTypes()).thenReturn(List.of(type));
        IssueType task = jira.issueType("Task", "3");
        com.atlassian.jira.project.Project ops = jira.project("OPS", 300L);
        when(ops.getIssueTypes()).thenReturn((java.util.Collection) List.of(task));
        JiraPostMortems posts = store;
        PostMortem draft = new io.hindsight.core.markdown.MarkdownReader(classes).read("---\ntitle: Payments down\n---\n", "draft").postMortem();
        assertEquals(io.hindsight.jira.port.ProjectReadiness.TYPE_NOT_IN_PROJECT, posts.readiness("OPS"));
        assertEquals(io.hindsight.jira.port.ProjectReadiness.NO_SUCH_PROJECT, posts.readiness("NOPE"));

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> posts.create("OPS", draft));
        assertTrue(e.getMessage(), e.getMessage().contains("project OPS does not offer the 'Post-mortem' issue type")
                && e.getMessage().contains("Administration > Issues > Issue type schemes"));
        verify(jira.issueService, never()).validateCreate(any(), any());

        when(jira.issueTypes.getIssueTypes()).thenReturn(List.of());
        assertEquals(io.hindsight.jira.port.ProjectReadiness.NO_POST_MORTEM_TYPE, posts.readiness("OPS"));
    }

    @Test
    public void approvalCommentsAndSearchesAreMadeAsHindsightsAccount() throws Exception {
        MutableIssue pm = jira.issue(10L, "PM-1", Schema.POST_MORTEM_TYPE, "done");
        store.recordApproval(IssueKey.of("PM-1"), LocalDate.of(2026, 11, 20));
        verify(pm).setCustomFieldValue(jira.fields.get("approved"), Timestamp.valueOf("2026-11-20 00:00:00"));

        store.comment(IssueKey.of("PM-1"), "Hindsight created **2** tickets", "sha256:ab12");
        verify(jira.comments).create(pm, jira.hindsight, "Hindsight created *2* tickets", true);

        Query q = mock(Query.class);
        when(jira.search.parseQuery(jira.hindsight, "issuetype = \"Post-mortem\" AND (project = PM) ORDER BY key")).thenReturn(new SearchService.ParseResult(q, null));
        when(jira.search.search(eq(jira.hindsight), eq(q), any())).thenReturn(new SearchResults<>(List.<Issue>of(pm), 1, 0, null));
        assertEquals(List.of(IssueKey.of("PM-1")), store.findKeys("project = PM", 50));
        assertThrows("a filter may not sort", IllegalArgumentException.class, () -> store.find("project = PM ORDER BY created", 50));
    }

    @Test
    public void ticketsAreTheIssuesLinkedAsRemediationWithTheirActionIdFromLabelElseProperty() {
        jira.issue(10L, "PM-1", Schema.POST_MORTEM_TYPE, "new");
        IssueLinkType remediation = jira.linkType(5L, Schema.LINK_TYPE, Schema.LINK_OUTWARD, Schema.LINK_INWARD);
        MutableIssue a = jira.issue(21L, "OPS-10", "Task", "done", "postmortem-action", "hindsight-action-a1");
        MutableIssue b = jira.issue(22L, "OPS-9", "Task", "new", "postmortem-action");
        when(b.getDueDate()).thenReturn(Timestamp.valueOf("2026-12-20 00:00:00"));
        var maria = jira.user("maria", "Maria Garcia");
        when(b.getAssignee()).thenReturn(maria);
        jira.stored.put("22/" + Schema.TICKET_PROPERTY, "{\"postMortem\":\"PM-1\",\"actionId\":\"b2\"}");
        MutableIssue other = jira.issue(23L, "OPS-11", "Task", "new");
        IssueLinkType blocks = jira.linkType(6L, "Blocks", "blocks", "is blocked by");
        List<IssueLink> inward = List.of(link(remediation, a), link(remediation, b), link(blocks, other));
        when(jira.links.getInwardLinks(10L)).thenReturn(inward);

        List<RemediationTicket> tickets = tracker.tickets(IssueKey.of("PM-1"));
        assertEquals("by key, OPS-9 before OPS-10; the Blocks link is none", List.of("OPS-9", "OPS-10"), tickets.stream().map(RemediationTicket::key).toList());
        assertEquals("b2", tickets.get(0).actionId());
        assertEquals("maria", tickets.get(0).owner());
        assertEquals(LocalDate.of(2026, 12, 20), tickets.get(0).due());
        assertFalse(tickets.get(0).done());
        assertEquals("a1", tickets.get(1).actionId());
        assertTrue(tickets.get(1).done());
    }

    @Test
    public void creationRefusesPerTicketAndAdoptsATicketACrashLeftUnlinked() throws Exception {
        jira.issue(10L, "PM-1", Schema.POST_MORTEM_TYPE, "new");
        IssueLinkType remediation = jira.linkType(5L, Schema.LINK_TYPE, Schema.LINK_OUTWARD, Schema.LINK_INWARD);
        jira.project("OPS", 300L);
        IssueType task = jira.issueType("Task", "3");
        when(jira.issueTypes.getIssueTypes()).thenReturn(List.of(task));
        Query q = mock(Query.class);
        when(jira.search.parseQuery(any(), any())).thenReturn(new SearchService.ParseResult(q, null));
        // a1's ticket exists, unlinked: a crash came between its create and its link
        MutableIssue orphan = jira.issue(30L, "OPS-30", "Task", "new", "hindsight-action-a1");
        when(orphan.getSummary()).thenReturn("Alert on lag");
        when(jira.search.parseQuery(any(), eq("labels = \"hindsight-action-a1\" AND project = \"OPS\" ORDER BY key"))).thenReturn(new SearchService.ParseResult(q, null));
        when(jira.search.search(any(), eq(q), any())).thenReturn(new SearchResults<>(List.<Issue>of(orphan), 1, 0, null), new SearchResults<>(List.<Issue>of(), 0, 0, null));
        SimpleErrorCollection ghost = errors("assignee", "User 'ghost' cannot be assigned issues.");
        when(jira.issueService.validateCreate(any(), any())).thenReturn(new IssueService.CreateValidationResult(null, ghost, Map.of()));

        CreatedTickets result = tracker.create(IssueKey.of("PM-1"), List.of(desired("a1", "Alert on lag", "OPS"), desired("b2", "Rate limit", "OPS"), desired("c3", "Runbook", "NOPE")));

        assertEquals(List.of(new io.hindsight.core.port.CreatedTicket("a1", "OPS-30")), result.created());
        verify(jira.links).createIssueLink(30L, 10L, 5L, null, jira.hindsight);
        assertEquals("{\"postMortem\":\"PM-1\",\"actionId\":\"a1\"}", jira.stored.get("30/" + Schema.TICKET_PROPERTY));
        assertEquals(2, result.refused().size());
        assertEquals("assignee", result.refused().get(0).field());
        assertTrue(result.refused().get(0).reason().contains("cannot be assigned"));
        assertEquals("project", result.refused().get(1).field());
        verify(jira.issueService, never()).create(any(), any());
        assertEquals(remediation, jira.linkTypes.getIssueLinkTypesByName(Schema.LINK_TYPE).iterator().next());
    }

    @Test
    public void updatesSetOnlyWhatChangedAndLabelsAreAdded() {
        MutableIssue t = jira.issue(21L, "OPS-10", "Task", "new");
        var lee = jira.user("lee", "Lee Chen");
        tracker.update(new TicketChange("OPS-10", "a1", null, "lee", LocalDate.of(2027, 1, 15), null, List.of("hindsight-reminded-due-soon"), false));
        verify(t).setAssignee(lee);
        verify(t).setDueDate(Timestamp.valueOf("2027-01-15 00:00:00"));
        verify(t, never()).setSummary(any());
        verify(jira.issues).updateIssue(jira.hindsight, t, EventDispatchOption.ISSUE_UPDATED, false);
        verify(jira.labels).addLabel(jira.hindsight, 21L, "hindsight-reminded-due-soon", false);
        assertEquals(Optional.of("lee"), tracker.userId("lee"));
        assertEquals(Optional.empty(), tracker.userId("nobody"));
    }

    @Test
    public void movingToDoneWalksTheWorkflowThroughInProgress() throws Exception {
        MutableIssue t = jira.issue(21L, "OPS-10", "Task", "new");
        WorkflowDescriptor wf = workflow();
        JiraWorkflow workflow = mock(JiraWorkflow.class);
        when(jira.workflows.getWorkflow(t)).thenReturn(workflow);
        when(workflow.getDescriptor()).thenReturn(wf);
        Status open = t.getStatus();
        when(workflow.getLinkedStep(open)).thenReturn(wf.getStep(1));
        Status done = mock(Status.class);
        var doneCategory = mock(com.atlassian.jira.issue.status.category.StatusCategory.class);
        when(doneCategory.getKey()).thenReturn("done");
        when(done.getStatusCategory()).thenReturn(doneCategory);
        when(workflow.getLinkedStatusObject(wf.getStep(3))).thenReturn(done);
        when(workflow.getLinkedStatusObject(wf.getStep(2))).thenReturn(open);
        when(jira.issueService.validateTransition(any(), anyLong(), anyInt(), any()))
                .thenAnswer(inv -> new IssueService.TransitionValidationResult(t, new SimpleErrorCollection(), Map.of(), Map.of(), inv.getArgument(2)));
        when(jira.issueService.transition(any(), any())).thenReturn(new IssueService.IssueResult(t, new SimpleErrorCollection()));

        tracker.moveToDone(IssueKey.of("OPS-10"));
        var order = org.mockito.Mockito.inOrder(jira.issueService);
        order.verify(jira.issueService).validateTransition(eq(jira.hindsight), eq(21L), eq(11), any());
        order.verify(jira.issueService).validateTransition(eq(jira.hindsight), eq(21L), eq(21), any());
        assertEquals("start, then finish: the shortest way", List.of(11, 21), WorkflowWalk.toDone(wf, 1, s -> s == 3));
        assertEquals("already done", List.of(), WorkflowWalk.toDone(wf, 3, s -> s == 3));
        assertEquals("no way there", List.of(), WorkflowWalk.toDone(wf, 1, s -> s == 99));
    }

    @Test
    public void remindersFindDueTicketsByTheRestHostsJqlAndMentionOwners() throws Exception {
        MutableIssue pm = jira.issue(10L, "PM-1", Schema.POST_MORTEM_TYPE, "new");
        MutableIssue t = jira.issue(21L, "OPS-10", "Task", "new", "postmortem-action");
        when(t.getDueDate()).thenReturn(Timestamp.valueOf("2026-12-20 00:00:00"));
        var maria = jira.user("maria", "Maria Garcia");
        when(t.getAssignee()).thenReturn(maria);
        IssueLink toPm = mock(IssueLink.class);
        IssueLinkType remediation = jira.linkType(5L, Schema.LINK_TYPE, Schema.LINK_OUTWARD, Schema.LINK_INWARD);
        when(toPm.getIssueLinkType()).thenReturn(remediation);
        when(toPm.getDestinationObject()).thenReturn(pm);
        when(jira.links.getOutwardLinks(21L)).thenReturn(List.of(toPm));
        Query q = mock(Query.class);
        String jql = "labels = \"postmortem-action\" AND statusCategory != Done AND duedate <= \"2026-12-22\" ORDER BY duedate ASC";
        when(jira.search.parseQuery(jira.hindsight, jql)).thenReturn(new SearchService.ParseResult(q, null));
        when(jira.search.search(eq(jira.hindsight), eq(q), any())).thenReturn(new SearchResults<>(List.<Issue>of(t), 1, 0, null));

        List<DueTicket> due = tracker.dueBy("postmortem-action", LocalDate.of(2026, 12, 22));
        assertEquals(List.of(new DueTicket("OPS-10", LocalDate.of(2026, 12, 20), List.of("postmortem-action"), new Person("maria", "Maria Garcia"), "PM-1")), due);

        tracker.comment(IssueKey.of("OPS-10"), "Due in 2 days", List.of(new Person("maria", "Maria Garcia")));
        verify(jira.comments).create(t, jira.hindsight, "[~maria]\n\nDue in 2 days", true);
    }

    private static IssueLink link(IssueLinkType type, Issue source) {
        IssueLink l = mock(IssueLink.class);
        when(l.getIssueLinkType()).thenReturn(type);
        when(l.getSourceObject()).thenReturn(source);
        return l;
    }

    private static SimpleErrorCollection errors(String field, String message) {
        SimpleErrorCollection e = new SimpleErrorCollection();
        e.addError(field, message);
        return e;
    }

    private static DesiredTicket desired(String id, String summary, String project) {
        return new DesiredTicket(id, "priority", summary, "From PM-1", "ghost", LocalDate.of(2026, 12, 20), DesiredTicket.DueSource.AUTHOR, "High",
                List.of("postmortem-action"), project, false, null);
    }

    /** To Do (1) -start-> In Progress (2) -finish-> Done (3), as Jira's simplified workflow has it. */
    static WorkflowDescriptor workflow() throws Exception {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE workflow PUBLIC "-//OpenSymphony Group//DTD OSWorkflow 2.7//EN" "http://www.opensymphony.com/osworkflow/workflow_2_7.dtd">
                <workflow>
                  <initial-actions><action id="1" name="Create"><results><unconditional-result old-status="null" status="open" step="1"/></results></action></initial-actions>
                  <steps>
                    <step id="1" name="To Do"><actions>
                      <action id="11" name="Start"><results><unconditional-result old-status="null" status="open" step="2"/></results></action>
                    </actions></step>
                    <step id="2" name="In Progress"><actions>
                      <action id="21" name="Finish"><results><unconditional-result old-status="null" status="open" step="3"/></results></action>
                      <action id="22" name="Stop"><results><unconditional-result old-status="null" status="open" step="1"/></results></action>
                    </actions></step>
                    <step id="3" name="Done"/>
                  </steps>
                </workflow>
                """;
        return WorkflowLoader.load(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @SuppressWarnings("unused")
    private static List<Object> unused() {
        return new ArrayList<>();
    }

    @Test
    public void anIssueSaysWhatItIsSoThatOnlyAPostMortemIsSyncedOrWritten() {
        jira.issue(20L, "OPS-7", Schema.TICKET_TYPE, "new", Schema.ACTION_LABEL_PREFIX + "a1b2c3d4");
        assertEquals("one of Hindsight's tickets, by its action label", PostMortemStore.Kind.REMEDIATION_TICKET, store.load(IssueKey.of("OPS-7")).orElseThrow().kind());
        jira.issue(21L, "PM-9", Schema.POST_MORTEM_TYPE, "new", Schema.ACTION_LABEL_PREFIX + "a1b2c3d4");
        assertEquals("a post-mortem type with an action id is a ticket all the same", PostMortemStore.Kind.REMEDIATION_TICKET,
                store.load(IssueKey.of("PM-9")).orElseThrow().kind());
    }

    @Test
    public void aSyncCommentCarriesItsMarkAsACommentPropertyAndARetryFindsIt() {
        MutableIssue pm = jira.issue(10L, "PM-1", Schema.POST_MORTEM_TYPE, "new");
        com.atlassian.jira.issue.comments.Comment c = mock(com.atlassian.jira.issue.comments.Comment.class);
        when(c.getId()).thenReturn(501L);
        when(jira.comments.create(eq(pm), eq(jira.hindsight), org.mockito.ArgumentMatchers.anyString(), eq(true))).thenReturn(c);
        when(jira.comments.getComments(pm)).thenReturn(List.of(c));
        assertFalse("a comment without the mark is not the sync's", store.commented(IssueKey.of("PM-1"), "sha256:ab12"));
        store.comment(IssueKey.of("PM-1"), "Hindsight synced this post-mortem.", "sha256:ab12");
        assertTrue(store.commented(IssueKey.of("PM-1"), "sha256:ab12"));
        assertFalse(store.commented(IssueKey.of("PM-1"), "sha256:another"));
    }

    @Test
    public void projectsAreAnsweredWithTheIssueTypesTheyOffer() {
        com.atlassian.jira.project.Project ops = jira.project("OPS", 200L);
        com.atlassian.jira.issue.issuetype.IssueType task = jira.issueType("Task", "3");
        com.atlassian.jira.issue.issuetype.IssueType bug = jira.issueType("Bug", "1");
        when(ops.getIssueTypes()).thenReturn(List.of(task, bug));
        var answer = tracker.projects(List.of("OPS", "NOPE"));
        assertTrue(answer.get("OPS").exists());
        assertTrue(answer.get("OPS").offers(Schema.TICKET_TYPE));
        assertFalse(answer.get("NOPE").exists());
    }

    @Test
    public void anOwnerIsFoundByTheNameJiraKnows() {
        jira.user("maria", "Maria Garcia");
        assertEquals(Optional.of(new io.hindsight.core.port.Person("maria", "Maria Garcia")), tracker.findUser("maria"));
        assertEquals(Optional.empty(), tracker.findUser("tomas"));
    }

    /** What a dead sync job shows on the admin page comes from the i18n file, so a translated site shows it translated. */
    @Test
    public void anErrorForTheAdminComesFromTheI18nFile() {
        IllegalStateException english = assertThrows(IllegalStateException.class,
                () -> tracker.comment(IssueKey.of("OPS-404"), "hello", List.of()));
        assertEquals("ticket OPS-404 does not exist (deleted?)", english.getMessage());
        JiraTickets translated = new JiraTickets(jira.api, () -> jira.hindsight,
                new I18n().with("hindsight.jira.error.no-ticket", "Ticket {0} gibt es nicht (gel\u00f6scht?)"));
        IllegalStateException german = assertThrows(IllegalStateException.class,
                () -> translated.comment(IssueKey.of("OPS-404"), "hello", List.of()));
        assertEquals("Ticket OPS-404 gibt es nicht (gel\u00f6scht?)", german.getMessage());
    }
}
