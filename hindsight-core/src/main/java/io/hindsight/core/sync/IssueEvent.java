package io.hindsight.core.sync;

import java.util.List;

/**
 * A change the tracker reports about an issue (a webhook, or an event inside Jira), with what deciding
 * whether a post-mortem needs a sync takes.
 *
 * @param kind      e.g. {@code jira:issue_updated}; {@code jira:issue_deleted} for a deletion
 * @param issueKey  the issue that changed, or null when the event names none
 * @param issueType its issue type's name
 * @param links     its links that point outward (this issue "remediates" the other)
 * @param actor     the ids the tracker gives the person or account who made the change (account id; user name and key)
 */
public record IssueEvent(String kind, String issueKey, String issueType, List<OutwardLink> links, List<String> actor) {
    public static final String DELETED = "jira:issue_deleted";

    /** A link from this issue to {@code key}, of the named link type. */
    public record OutwardLink(String type, String key) {
    }

    public IssueEvent {
        links = List.copyOf(links);
        actor = List.copyOf(actor);
    }
}
