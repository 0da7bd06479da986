package io.hindsight.core.usecase;

import io.hindsight.core.fake.InMemorySite;
import io.hindsight.core.model.IssueKey;
import io.hindsight.core.sync.SyncResult;
import org.junit.Test;

import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/** Publishing Markdown: refused before anything is written, else its issue created once and updated only when it changed. */
public class PublishPostMortemTest {
    private static final String NOW = "2026-11-26T12:00:00Z";

    private static String withKey(String markdown, String key) {
        return markdown.replaceFirst("---\n", "---\nkey: " + key + "\n");
    }

    @Test
    public void aPostMortemWithErrorsIsRefusedAndNothingIsWritten() {
        InMemorySite site = new InMemorySite(NOW);
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
        InMemorySite site = new InMemorySite(NOW);
        PublishPostMortem.Checked checked = site.publish().check(SyncPostMortemTest.postMortem(1) + "- [ ] Fix it ticket:nope @maria\n", "pm.md");
        assertTrue(checked.refused());
        assertTrue(checked.summary(), checked.summary().startsWith("pm.md has parts that cannot be read"));
        assertTrue(checked.problems().toString(), checked.problems().get(0).matches("pm\\.md:[0-9]+: .*"));
    }

    @Test
    public void aNewFileCreatesItsIssueAndAFileWithAKeyUpdatesIt() {
        InMemorySite site = new InMemorySite(NOW);
        PublishPostMortem.Checked checked = site.publish().check(SyncPostMortemTest.postMortem(2), "pm.md");
        assertFalse(checked.refused());
        PublishPostMortem.Written first = site.publish().write(checked, "PM");
        assertEquals(IssueKey.of("PM-1"), first.key());
        assertTrue(first.created());
        PublishPostMortem.Written again = site.publish().write(site.publish().check(withKey(SyncPostMortemTest.postMortem(3), "PM-1"), "pm.md"), "PM");
        assertEquals(IssueKey.of("PM-1"), again.key());
        assertFalse(again.created());
        assertTrue(again.changed());
        assertEquals(3, site.jira.issue("PM-1").postMortem.actionItems().size());
    }

    @Test
    public void aFirstPublishIsSyncedWithoutReadingBackWhatItWrote() {
        InMemorySite site = new InMemorySite(NOW);
        PublishPostMortem.Written written = site.publish().write(site.publish().check(SyncPostMortemTest.postMortem(50), "pm.md"), "PM");
        SyncResult r = site.sync().syncWritten(written);
        assertEquals(50, r.created().size());
        assertEquals("only the projects are read (the check before writing); the issue, its tickets and comments are known", 1, site.jira.reads());
        assertEquals("the issue, the tickets, the comment, the state", 4, site.jira.writes());
        assertEquals("the page, created; nothing read", List.of(1, 0), List.of(site.confluence.writes(), site.confluence.reads()));
    }

    @Test
    public void republishingAnUnchangedFileWritesNothing() {
        InMemorySite site = new InMemorySite(NOW);
        PublishPostMortem.Written first = site.publish().write(site.publish().check(SyncPostMortemTest.postMortem(3), "pm.md"), "PM");
        site.sync().syncWritten(first);
        site.resetCounts();
        PublishPostMortem.Written again = site.publish().write(site.publish().check(withKey(SyncPostMortemTest.postMortem(3), first.key().value()), "pm.md"), "PM");
        assertFalse(again.changed());
        SyncResult r = site.sync().syncWritten(again);
        assertFalse(r.changedAnything());
        assertEquals("nothing written at all", 0, site.writes());
    }

    @Test
    public void aKeyThatNamesARemediationTicketOrATaskIsRefusedAndTheIssueLeftAsItWas() {
        InMemorySite site = new InMemorySite(NOW);
        PublishPostMortem.Written first = site.publish().write(site.publish().check(SyncPostMortemTest.postMortem(1), "pm.md"), "PM");
        site.sync().syncWritten(first);
        String ticket = site.jira.allTickets().get(0).key;
        String task = site.jira.createIssue("OPS", "Task", "Rotate the TLS certificates");
        for (String key : List.of(ticket, task)) {
            String summary = site.jira.issue(key).summary;
            site.resetCounts();
            try {
                site.publish().write(site.publish().check(withKey(SyncPostMortemTest.postMortem(2), key), "lag.md"), "PM");
                fail("published over " + key);
            } catch (PublishPostMortem.Refused e) {
                assertEquals(PublishPostMortem.Refused.Reason.NOT_A_POST_MORTEM, e.reason());
                assertTrue(e.getMessage(), e.getMessage().startsWith("lag.md: its 'key: " + key + "' names an issue that is not a post-mortem"));
            }
            assertEquals(key + " untouched", 0, site.writes());
            assertEquals(summary, site.jira.issue(key).summary);
        }
        try {
            site.publish().write(site.publish().check(withKey(SyncPostMortemTest.postMortem(2), "PM-404"), "lag.md"), "PM");
            fail("published to an issue that does not exist");
        } catch (PublishPostMortem.Refused e) {
            assertEquals(PublishPostMortem.Refused.Reason.NO_SUCH_ISSUE, e.reason());
        }
    }

    @Test
    public void actionsNamingProjectsJiraDoesNotHaveAreRefusedWithTheirLinesBeforeTheIssueIsCreated() {
        InMemorySite site = new InMemorySite(NOW);
        String md = SyncPostMortemTest.postMortem(3).replace("number 1 to the checkout read path @kenji project:OPS", "number 1 to the checkout read path @kenji project:NOPE");
        int line = md.lines().toList().indexOf(md.lines().filter(l -> l.contains("project:NOPE")).findFirst().orElseThrow()) + 1;
        try {
            site.publish().write(site.publish().check(md, "lag.md"), "PM");
            fail("published a post-mortem whose action's project does not exist");
        } catch (PublishPostMortem.Refused e) {
            assertEquals(PublishPostMortem.Refused.Reason.PROJECTS, e.reason());
            assertEquals(List.of("lag.md:" + line + ": action 'Add replica lag guard number 1 to the checkout read path': project NOPE does not exist in Jira, "
                    + "or Hindsight's account cannot see it: change project:NOPE to an existing project's key (or let the account browse and create issues there)"), e.problems());
        }
        assertEquals("no issue was created", 0, site.jira.writes());
    }

    @Test
    public void anIssueIsCheckedAsTheSyncReadsItAndItsOwnersAgainstJirasUsers() {
        InMemorySite site = new InMemorySite(NOW);
        IssueKey key = site.postMortem(SyncPostMortemTest.postMortem(2).replace("Read traffic was routed", "Bob forgot to route read traffic")
                .replace("@kenji", "@tomas"));
        LintResult r = site.lint().issue(key).orElseThrow();
        assertEquals("PM-1", r.file());
        assertTrue(r.report().findings().toString(), r.report().findings().stream().anyMatch(f -> f.rule().startsWith("blameless.")));
        assertTrue(r.report().findings().toString(), r.report().findings().stream().anyMatch(f -> f.rule().equals(LintPostMortem.OWNER_UNKNOWN)
                && f.message().startsWith("Jira has no user 'tomas' for @tomas (1 action(s))")));
        assertTrue("maria is a user", r.report().findings().stream().noneMatch(f -> f.message().contains("@maria")));
        assertTrue(site.lint().issue(IssueKey.of("PM-404")).isEmpty());
        site.users.put("tomas", "kenji");
        assertTrue("mapped in hindsight.yaml", site.lint().issue(key).orElseThrow().report().findings().stream().noneMatch(f -> f.rule().equals(LintPostMortem.OWNER_UNKNOWN)));
    }
}
