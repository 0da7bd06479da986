package io.hindsight.core.sync;

import io.hindsight.core.model.IssueKey;
import io.hindsight.core.port.Schema;

import java.util.Optional;

/**
 * Which post-mortem, if any, an issue event asks to sync: the post-mortem itself, or the one a
 * remediation ticket remediates. Both hosts apply it: the service to Jira's webhooks, the Jira app to
 * Jira's events.
 */
public final class SyncTriggers {
    private SyncTriggers() {
    }

    /** What to do about an event. */
    public sealed interface Decision permits Sync, Ignore {
    }

    /** Sync {@code postMortem}; {@code issueKey} is the issue that changed (the post-mortem or one of its tickets). */
    public record Sync(IssueKey postMortem, String issueKey) implements Decision {
    }

    /** Nothing to sync, and why. */
    public record Ignore(String reason) implements Decision {
    }

    /**
     * @param ownAccount the account Hindsight works as, whose changes are its own syncs' and need no sync; null: none ignored
     */
    public static Decision decide(IssueEvent event, String ownAccount) {
        // the sync that made the change already left everything in step; a job for it would only read and find nothing to do
        if (ownAccount != null && event.actor().contains(ownAccount)) return new Ignore("made by Hindsight itself");
        Optional<IssueKey> postMortem = postMortemOf(event);
        if (event.issueKey() == null || postMortem.isEmpty()) return new Ignore("not a post-mortem or one of its tickets");
        // a deleted post-mortem has nothing left to sync from; its tickets and page stay as they are
        if (IssueEvent.DELETED.equals(event.kind()) && event.issueKey().equals(postMortem.get().value())) {
            return new Ignore("post-mortem " + event.issueKey() + " was deleted; its tickets and page are left as they are");
        }
        return new Sync(postMortem.get(), event.issueKey());
    }

    /** The post-mortem an issue is (its own key) or remediates (the other end of its outward remediation link). */
    static Optional<IssueKey> postMortemOf(IssueEvent event) {
        if (Schema.POST_MORTEM_TYPE.equalsIgnoreCase(event.issueType())) return IssueKey.parse(event.issueKey());
        return event.links().stream().filter(l -> Schema.LINK_TYPE.equalsIgnoreCase(l.type())).findFirst().flatMap(l -> IssueKey.parse(l.key()));
    }
}
