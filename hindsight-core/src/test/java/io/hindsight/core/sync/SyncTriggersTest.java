package io.hindsight.core.sync;

import io.hindsight.core.model.IssueKey;
import org.junit.Test;

import java.util.List;

import static org.junit.Assert.assertEquals;

/** Which post-mortem an issue event asks to sync. */
public class SyncTriggersTest {
    private static IssueEvent event(String kind, String key, String type, List<IssueEvent.OutwardLink> links, List<String> actor) {
        return new IssueEvent(kind, key, type, links, actor);
    }

    @Test
    public void aPostMortemSyncsItselfAndATicketItsPostMortem() {
        assertEquals(new SyncTriggers.Sync(IssueKey.of("PM-1"), "PM-1"), SyncTriggers.decide(event("jira:issue_updated", "PM-1", "Post-mortem", List.of(), List.of()), null));
        assertEquals(new SyncTriggers.Sync(IssueKey.of("PM-1"), "OPS-7"), SyncTriggers.decide(event("jira:issue_updated", "OPS-7", "Task",
                List.of(new IssueEvent.OutwardLink("Blocks", "OPS-2"), new IssueEvent.OutwardLink("Remediation", "PM-1")), List.of()), null));
        assertEquals("a deleted ticket: its action is still there, so the sync puts a ticket back", new SyncTriggers.Sync(IssueKey.of("PM-1"), "OPS-7"),
                SyncTriggers.decide(event(IssueEvent.DELETED, "OPS-7", "Task", List.of(new IssueEvent.OutwardLink("Remediation", "PM-1")), List.of()), null));
    }

    @Test
    public void whatNeedsNoSyncIsIgnoredWithTheReason() {
        assertEquals(new SyncTriggers.Ignore("not a post-mortem or one of its tickets"),
                SyncTriggers.decide(event("jira:issue_updated", "OPS-1", "Bug", List.of(), List.of()), null));
        assertEquals(new SyncTriggers.Ignore("post-mortem PM-1 was deleted; its tickets and page are left as they are"),
                SyncTriggers.decide(event(IssueEvent.DELETED, "PM-1", "Post-mortem", List.of(), List.of()), null));
        assertEquals(new SyncTriggers.Ignore("made by Hindsight itself"),
                SyncTriggers.decide(event("jira:issue_updated", "PM-1", "Post-mortem", List.of(), List.of("hindsight-bot", "JIRAUSER10100")), "hindsight-bot"));
    }
}
