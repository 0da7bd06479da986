package io.hindsight.jira.listener;

import com.atlassian.event.api.EventListener;
import com.atlassian.jira.event.issue.IssueEvent;
import com.atlassian.jira.event.type.EventType;
import com.atlassian.jira.issue.Issue;
import com.atlassian.jira.issue.link.IssueLink;
import com.atlassian.jira.issue.link.IssueLinkManager;
import com.atlassian.jira.user.ApplicationUser;
import io.hindsight.core.sync.SyncTriggers;
import io.hindsight.jira.jira.JiraPostMortems;
import io.hindsight.jira.port.JiraSite;
import io.hindsight.jira.queue.SyncQueue;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns Jira's issue events into queued syncs, and does nothing else. Which post-mortem an event concerns is
 * the core's decision ({@link SyncTriggers}, as for the service's webhooks): the post-mortem itself, or the one
 * a remediation ticket remediates; changes Hindsight's own account made are its syncs' and are ignored.
 * Idempotent (a queued sync absorbs later events), so a repeated or out-of-order event is harmless.
 */
public class IssueEventListener {
    static final String CREATED = "jira:issue_created";
    static final String UPDATED = "jira:issue_updated";
    private final SyncQueue queue;
    private final IssueLinkManager links;
    private final JiraSite site;

    public IssueEventListener(SyncQueue queue, IssueLinkManager links, JiraSite site) {
        this.queue = queue;
        this.links = links;
        this.site = site;
    }

    @EventListener
    public void onIssueEvent(IssueEvent event) {
        Issue issue = event.getIssue();
        if (issue == null || issue.getKey() == null) return;
        SyncTriggers.Decision decision = SyncTriggers.decide(of(event), site.ownAccount().orElse(null));
        if (decision instanceof SyncTriggers.Sync s) {
            boolean self = s.postMortem().value().equals(issue.getKey());
            queue.enqueue(s.postMortem().value(), self ? reason(event) : "ticket " + issue.getKey() + (deleted(event) ? " deleted" : " changed"));
        }
    }

    /** The event as the core reads events from either host. */
    io.hindsight.core.sync.IssueEvent of(IssueEvent event) {
        Issue issue = event.getIssue();
        List<io.hindsight.core.sync.IssueEvent.OutwardLink> outward = new ArrayList<>();
        if (issue.getId() != null) {
            for (IssueLink l : links.getOutwardLinks(issue.getId())) {
                // the links to post-mortems: a Remediation link to anything else concerns no post-mortem
                if (l.getIssueLinkType() != null && l.getDestinationObject() != null && l.getDestinationObject().getKey() != null
                        && JiraPostMortems.isPostMortem(l.getDestinationObject())) {
                    outward.add(new io.hindsight.core.sync.IssueEvent.OutwardLink(l.getIssueLinkType().getName(), l.getDestinationObject().getKey()));
                }
            }
        }
        List<String> actor = new ArrayList<>();
        ApplicationUser user = event.getUser();
        if (user != null) {
            if (user.getUsername() != null) actor.add(user.getUsername());
            if (user.getKey() != null) actor.add(user.getKey());
        }
        String kind = deleted(event) ? io.hindsight.core.sync.IssueEvent.DELETED : EventType.ISSUE_CREATED_ID.equals(event.getEventTypeId()) ? CREATED : UPDATED;
        return new io.hindsight.core.sync.IssueEvent(kind, issue.getKey(), issue.getIssueType() == null ? null : issue.getIssueType().getName(), outward, actor);
    }

    private static boolean deleted(IssueEvent event) {
        return EventType.ISSUE_DELETED_ID.equals(event.getEventTypeId());
    }

    private static String reason(IssueEvent event) {
        if (EventType.ISSUE_CREATED_ID.equals(event.getEventTypeId())) return "issue created";
        if (EventType.ISSUE_UPDATED_ID.equals(event.getEventTypeId())) return "issue updated";
        return "issue event " + event.getEventTypeId();
    }
}
