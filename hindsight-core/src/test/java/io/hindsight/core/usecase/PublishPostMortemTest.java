package io.hindsight.core.usecase;

import io.hindsight.core.fake.InMemorySite;
import io.hindsight.core.model.IssueKey;
import org.junit.Test;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

/** Publishing Markdown: refused before anything is written, else its issue created once and updated after. */
public class PublishPostMortemTest {
    @Test
    public void aPostMortemWithErrorsIsRefusedAndNothingIsWritten() {
        InMemorySite site = new InMemorySite("2026-11-26T12:00:00Z");
        PublishPostMortem.Checked checked = site.publish().check("---\ntitle: Broken\nseverity: SEV2\n---\n## Root cause\n\nBob caused the outage by carelessly running the import.\n",
                "broken.md");
        assertTrue(checked.refused());
        assertTrue(checked.summary(), checked.summary().matches("broken\\.md has [0-9]+ error\\(s\\); nothing was published \\(lint it for suggestions\\)"));
        assertTrue(checked.problems().toString(), checked.problems().stream().allMatch(p -> p.startsWith("broken.md:")));
        assertThrows(IllegalStateException.class, () -> site.publish().write(checked, "PM"));
        assertEquals(0, site.jira.writes());
    }

    @Test
    public void aLineThatCannotBeReadRefusesTheFileWithItsLineNumber() {
        InMemorySite site = new InMemorySite("2026-11-26T12:00:00Z");
        PublishPostMortem.Checked checked = site.publish().check(SyncPostMortemTest.postMortem(1) + "- [ ] Fix it ticket:nope @maria\n", "pm.md");
        assertTrue(checked.refused());
        assertTrue(checked.summary(), checked.summary().startsWith("pm.md has parts that cannot be read"));
        assertTrue(checked.problems().toString(), checked.problems().get(0).matches("pm\\.md:[0-9]+: .*"));
    }

    @Test
    public void aNewFileCreatesItsIssueAndAFileWithAKeyUpdatesIt() {
        InMemorySite site = new InMemorySite("2026-11-26T12:00:00Z");
        PublishPostMortem.Checked checked = site.publish().check(SyncPostMortemTest.postMortem(2), "pm.md");
        assertFalse(checked.refused());
        PublishPostMortem.Written first = site.publish().write(checked, "PM");
        assertEquals(new PublishPostMortem.Written(IssueKey.of("PM-1"), true), first);
        PublishPostMortem.Written again = site.publish().write(site.publish().check("---\nkey: PM-1\n" + SyncPostMortemTest.postMortem(3).substring(4), "pm.md"), "PM");
        assertEquals(new PublishPostMortem.Written(IssueKey.of("PM-1"), false), again);
        assertEquals(3, site.jira.issue("PM-1").postMortem.actionItems().size());
    }

    @Test
    public void anIssueIsCheckedAsTheSyncReadsIt() {
        InMemorySite site = new InMemorySite("2026-11-26T12:00:00Z");
        IssueKey key = site.postMortem(SyncPostMortemTest.postMortem(1).replace("Read traffic was routed", "Bob forgot to route read traffic"));
        LintResult r = site.lint().issue(key).orElseThrow();
        assertEquals("PM-1", r.file());
        assertTrue(r.report().findings().toString(), r.report().findings().stream().anyMatch(f -> f.rule().startsWith("blameless.")));
        assertTrue(site.lint().issue(IssueKey.of("PM-404")).isEmpty());
    }
}
