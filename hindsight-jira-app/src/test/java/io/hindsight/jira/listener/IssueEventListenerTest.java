package io.hindsight.jira.listener;

import com.atlassian.jira.event.issue.IssueEvent;
import com.atlassian.jira.event.type.EventType;
import com.atlassian.jira.issue.Issue;
import com.atlassian.jira.issue.issuetype.IssueType;
import com.atlassian.jira.issue.link.IssueLink;
import com.atlassian.jira.issue.link.IssueLinkManager;
import com.atlassian.jira.issue.link.IssueLinkType;
import io.hindsight.jira.queue.JobStatus;
import io.hindsight.jira.queue.QueuePolicy;
import io.hindsight.jira.queue.SyncQueue;
import io.hindsight.jira.testing.AoDatabase;
import io.hindsight.jira.testing.LocalClusterLocks;
import io.hindsight.jira.testing.MutableClock;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.atlassian.jira.user.ApplicationUser;
import io.hindsight.jira.testing.FakeSite;

import static org.junit.Assert.assertEquals;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** Jira's issue events become queued syncs, once per post-mortem, on the real queue. */
public class IssueEventListenerTest {
    @Rule
    public final AoDatabase db = new AoDatabase();

    private final IssueLinkManager links = mock(IssueLinkManager.class);
    private SyncQueue queue;
    private IssueEventListener listener;

    @Before
    public void setUp() {
        queue = new SyncQueue(db.activeObjects(), new LocalClusterLocks(), new MutableClock(Instant.parse("2026-11-20T10:00:00Z")), QueuePolicy.DEFAULT);
        listener = new IssueEventListener(queue, links, new FakeSite());
    }

    @Test
    public void aChangeToAPostMortemQueuesItsSyncAndRepeatsJoinIt() {
        Issue pm = issue(10L, "PM-1", "Post-mortem");
        listener.onIssueEvent(event(pm, EventType.ISSUE_UPDATED_ID));
        listener.onIssueEvent(event(pm, EventType.ISSUE_UPDATED_ID));
        assertEquals(1, queue.counts().of(JobStatus.QUEUED));
        assertEquals(2, queue.latest("PM-1").orElseThrow().events());
    }

    @Test
    public void aChangeToARemediationTicketQueuesItsPostMortem() {
        Issue pm = issue(10L, "PM-1", "Post-mortem");
        Issue ticket = issue(20L, "OPS-7", "Task");
        IssueLink link = link("Remediation", ticket, pm);
        List<IssueLink> outward = List.of(link);
        when(links.getOutwardLinks(20L)).thenReturn(outward);
        when(links.getInwardLinks(20L)).thenReturn(List.of());

        listener.onIssueEvent(event(ticket, EventType.ISSUE_UPDATED_ID));
        assertEquals("ticket OPS-7 changed", queue.latest("PM-1").orElseThrow().reason());
        assertEquals(Optional.empty(), queue.latest("OPS-7"));
    }

    @Test
    public void changesHindsightMadeItselfQueueNothing() {
        Issue pm = issue(10L, "PM-1", "Post-mortem");
        ApplicationUser hindsight = mock(ApplicationUser.class);
        when(hindsight.getUsername()).thenReturn("hindsight");
        listener.onIssueEvent(new IssueEvent(pm, Map.of(), hindsight, EventType.ISSUE_UPDATED_ID));
        assertEquals("its own sync's writes need no sync", 0, queue.counts().of(JobStatus.QUEUED));

        ApplicationUser maria = mock(ApplicationUser.class);
        when(maria.getUsername()).thenReturn("maria");
        listener.onIssueEvent(new IssueEvent(pm, Map.of(), maria, EventType.ISSUE_UPDATED_ID));
        assertEquals(1, queue.counts().of(JobStatus.QUEUED));
    }

    @Test
    public void linksOfOtherTypesOrToOtherIssuesQueueNothing() {
        Issue ticket = issue(20L, "OPS-7", "Task");
        Issue pm = issue(10L, "PM-1", "Post-mortem");
        Issue bug = issue(30L, "BUG-1", "Bug");
        List<IssueLink> outward = List.of(link("Blocks", ticket, pm), link("Remediation", ticket, bug));
        when(links.getOutwardLinks(20L)).thenReturn(outward);
        when(links.getInwardLinks(20L)).thenReturn(List.of());

        listener.onIssueEvent(event(ticket, EventType.ISSUE_UPDATED_ID));
        assertEquals(0, queue.counts().of(JobStatus.QUEUED));
    }

    @Test
    public void aDeletedPostMortemQueuesNothingButADeletedTicketResyncsItsPostMortem() {
        Issue pm = issue(10L, "PM-1", "Post-mortem");
        listener.onIssueEvent(event(pm, EventType.ISSUE_DELETED_ID));
        assertEquals(0, queue.counts().of(JobStatus.QUEUED));

        Issue ticket = issue(20L, "OPS-7", "Task");
        List<IssueLink> outward = List.of(link("Remediation", ticket, pm));
        when(links.getOutwardLinks(20L)).thenReturn(outward);
        listener.onIssueEvent(event(ticket, EventType.ISSUE_DELETED_ID));
        assertEquals("ticket OPS-7 deleted", queue.latest("PM-1").orElseThrow().reason());
    }

    private static Issue issue(Long id, String key, String type) {
        Issue issue = mock(Issue.class);
        IssueType issueType = mock(IssueType.class);
        when(issueType.getName()).thenReturn(type);
        when(issue.getId()).thenReturn(id);
        when(issue.getKey()).thenReturn(key);
        when(issue.getIssueType()).thenReturn(issueType);
        return issue;
    }

    private static IssueLink link(String type, Issue source, Issue destination) {
        IssueLink link = mock(IssueLink.class);
        IssueLinkType linkType = mock(IssueLinkType.class);
        when(linkType.getName()).thenReturn(type);
        when(link.getIssueLinkType()).thenReturn(linkType);
        when(link.getSourceObject()).thenReturn(source);
        when(link.getDestinationObject()).thenReturn(destination);
        return link;
    }

    private static IssueEvent event(Issue issue, Long type) {
        return new IssueEvent(issue, Map.of(), null, type);
    }
}
