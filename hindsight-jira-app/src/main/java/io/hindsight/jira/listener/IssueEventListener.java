package io.hindsight.jira.listener;

import com.atlassian.event.api.EventListener;
import com.atlassian.jira.event.issue.IssueEvent;
import com.atlassian.jira.event.type.EventType;
import com.atlassian.jira.issue.Issue;
import com.atlassian.jira.issue.link.IssueLink;
import com.atlassian.jira.issue.link.IssueLinkManager;
import io.hindsight.jira.jira.JiraNames;
import io.hindsight.jira.queue.SyncQueue;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Turns Jira's issue events into queued syncs, and does nothing else: a post-mortem's own change queues
 * its sync; a change to a remediation ticket queues the sync of the post-mortem(s) it is linked to.
 * Idempotent (a queued sync absorbs later events), so a repeated or out-of-order event is harmless.
 */
public class IssueEventListener {
    private final SyncQueue queue;
    private final IssueLinkManager links;

    public IssueEventListener(SyncQueue queue, IssueLinkManager links) {
        this.queue = queue;
        this.links = links;
    }

    @EventListener
    public void onIssueEvent(IssueEvent event) {
        Issue issue = event.getIssue();
        if (issue == null || issue.getKey() == null) return;
        boolean deleted = EventType.ISSUE_DELETED_ID.equals(event.getEventTypeId());
        if (isPostMortem(issue)) {
            // a deleted post-mortem has nothing left to sync; its tickets and page stay as they are
            if (!deleted) queue.enqueue(issue.getKey(), reason(event));
            return;
        }
        for (String key : linkedPostMortems(issue)) queue.enqueue(key, "ticket " + issue.getKey() + (deleted ? " deleted" : " changed"));
    }

    Set<String> linkedPostMortems(Issue ticket) {
        Set<String> out = new LinkedHashSet<>();
        if (ticket.getId() == null) return out;
        for (IssueLink l : links.getOutwardLinks(ticket.getId())) addIfPostMortem(out, l, l.getDestinationObject());
        for (IssueLink l : links.getInwardLinks(ticket.getId())) addIfPostMortem(out, l, l.getSourceObject());
        return out;
    }

    private static void addIfPostMortem(Set<String> out, IssueLink link, Issue other) {
        if (link.getIssueLinkType() != null && JiraNames.REMEDIATION_LINK.equalsIgnoreCase(link.getIssueLinkType().getName())
                && other != null && isPostMortem(other)) {
            out.add(other.getKey());
        }
    }

    private static boolean isPostMortem(Issue issue) {
        return issue.getIssueType() != null && JiraNames.POST_MORTEM_TYPE.equalsIgnoreCase(issue.getIssueType().getName());
    }

    private static String reason(IssueEvent event) {
        if (EventType.ISSUE_CREATED_ID.equals(event.getEventTypeId())) return "issue created";
        if (EventType.ISSUE_UPDATED_ID.equals(event.getEventTypeId())) return "issue updated";
        return "issue event " + event.getEventTypeId();
    }
}
