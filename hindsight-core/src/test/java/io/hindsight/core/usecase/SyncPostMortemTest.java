package io.hindsight.core.usecase;

import io.hindsight.core.fake.Faults;
import io.hindsight.core.fake.InMemoryConfluence;
import io.hindsight.core.fake.InMemoryJira;
import io.hindsight.core.fake.InMemorySite;
import io.hindsight.core.fake.TestPostMortems;
import io.hindsight.core.markdown.MarkdownReader;
import io.hindsight.core.model.IssueKey;
import io.hindsight.core.model.State;
import io.hindsight.core.port.Schema;
import io.hindsight.core.sync.PageDecision;
import io.hindsight.core.sync.SyncException;
import io.hindsight.core.sync.SyncResult;
import org.junit.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/**
 * The sync against Jira and Confluence in memory: what it writes, and that it converges whatever fails
 * along the way (a crash at any call, a lost answer, a storm of 429s, retries) and is quiet after.
 */
public class SyncPostMortemTest {
    private static final String NOW = "2026-11-26T12:00:00Z";
    static String postMortem(int actions) {
        return TestPostMortems.withActions(actions);
    }

    private static final String TITLE = "Checkout outage caused by database replication lag";

    /** A site with one post-mortem issue of {@code actions} actions, its counts reset. */
    private static Fixture fixture(int actions) {
        InMemorySite site = new InMemorySite(NOW);
        IssueKey key = site.postMortem(postMortem(actions));
        site.resetCounts();
        return new Fixture(site, key);
    }

    private record Fixture(InMemorySite site, IssueKey key) {
        SyncResult sync() {
            return site.sync().sync(key);
        }

        InMemoryJira jira() {
            return site.jira;
        }

        InMemoryConfluence confluence() {
            return site.confluence;
        }

        /** What a person would see: each ticket's summary, owner, due date, labels and state, and each page's versions and text. */
        List<String> endState() {
            List<String> state = new ArrayList<>();
            for (InMemoryJira.Issue t : jira().allTickets()) {
                state.add(t.key + " | " + t.summary + " | " + t.assignee + " | " + t.due + " | " + new TreeSet<>(t.labels) + " | done " + t.done);
            }
            // a retry after the page was written but not remembered finds it by title and writes it once more: one page, same text
            for (InMemoryConfluence.StoredPage p : confluence().pages()) state.add(p.title + "\n" + p.current());
            return state;
        }
    }

    @Test
    public void aFirstSyncCreatesOneTicketPerActionThePageAndOneCommentAndAResyncWritesNothing() {
        Fixture f = fixture(12);
        SyncResult first = f.sync();
        assertEquals(12, first.created().size());
        assertEquals(PageDecision.Action.CREATE, first.page().action());
        assertTrue(first.commented());
        assertEquals(12, f.jira().tickets("OPS").size());
        assertEquals(1, f.confluence().pagesTitled(f.key() + ": " + TITLE));
        assertEquals("the page carries its labels", Schema.PAGE_LABELS, f.confluence().pages().get(0).labels);
        assertTrue(f.jira().issue(f.key().value()).comments.get(0).startsWith("Hindsight synced this post-mortem.\n\n- Created 12 remediation ticket(s): OPS-1, OPS-2"));
        assertEquals("the state names the page", first.pageId(), f.jira().issue(f.key().value()).state.pageId());

        f.site().resetCounts();
        SyncResult again = f.sync();
        assertEquals("a re-sync writes nothing", 0, f.site().writes());
        assertEquals("and reads the issue and its tickets only", 2, f.site().reads());
        assertFalse("no comment spam", again.commented());
        assertFalse(again.changedAnything());
        assertEquals(1, f.jira().issue(f.key().value()).comments.size());
    }

    @Test
    public void crashingAtEveryCallOfAFirstSyncConvergesOnOneTicketPerActionAndOnePage() {
        Fixture calm = fixture(12);
        int before = calm.site().faults.calls();
        calm.sync();
        int calls = calm.site().faults.calls() - before;
        assertTrue("a first sync makes several calls: " + calls, calls >= 6);
        for (int n = 1; n <= calls; n++) {
            for (Faults.Kind kind : new Faults.Kind[]{Faults.Kind.REFUSED, Faults.Kind.ANSWER_LOST}) {
                Fixture f = fixture(12);
                String where = kind + " at call " + n;
                f.site().faults.failNth(".*", n, kind);
                try {
                    f.sync();
                    fail(where + ": the sync went through a failure");
                } catch (Faults.InjectedFailure crash) {
                    assertEquals(where, kind, crash.kind);
                }
                assertEquals(where + ": the fault fired once", 1, f.site().faults.fired().size());
                f.site().faults.clear();

                SyncResult r = f.sync();
                assertEquals(where, 12, f.jira().tickets("OPS").size());
                Set<String> actionLabels = new HashSet<>();
                for (InMemoryJira.Issue t : f.jira().tickets("OPS")) {
                    actionLabels.add(t.labels.stream().filter(l -> l.startsWith(Schema.ACTION_LABEL_PREFIX)).findFirst().orElseThrow());
                }
                assertEquals(where + ": one ticket per action", 12, actionLabels.size());
                assertEquals(where + ": one page", 1, f.confluence().pagesTitled(f.key() + ": " + TITLE));
                assertNotNull(where, r.pageId());
                assertEquals(where + ": the page is remembered", r.pageId(), f.jira().issue(f.key().value()).state.pageId());
                f.site().resetCounts();
                f.sync();
                assertEquals(where + ": and then it is quiet", 0, f.site().writes());
            }
        }
    }

    @Test
    public void aStormOfTransientRefusalsEndsRetriedInTheStateOfACalmSync() {
        Fixture calm = fixture(12);
        calm.sync();
        List<String> expected = calm.endState();
        for (String call : List.of("tickets", "createTickets", "createPage", "saveState", "comment")) {
            Fixture f = fixture(12);
            f.site().faults.storm(call, 3);
            int attempts = 0;
            SyncResult r = null;
            // the worker's retries: each failed attempt is run again, as the job queue does
            while (r == null) {
                attempts++;
                try {
                    r = f.sync();
                } catch (Faults.InjectedFailure e) {
                    assertEquals(Faults.Kind.TRANSIENT, e.kind);
                    assertTrue(call + ": the storm ends", attempts < 10);
                }
            }
            int fired = f.site().faults.fired().size();
            assertTrue(call + ": the storm hit", fired >= 1);
            assertEquals(call + ": each failed attempt was a refusal, then one went through", fired + 1, attempts);
            // a comment refused after the state was remembered is not retried: the next attempt finds nothing changed
            assertEquals(call, call.equals("comment") ? 1 : 3, fired);
            assertEquals(call, expected, f.endState());
            f.site().resetCounts();
            f.sync();
            assertEquals(call + ": quiet after", 0, f.site().writes());
        }
    }

    @Test
    public void aTicketJiraRefusesIsNamedTheOthersAreMadeAndARetryMakesOnlyTheMissingOne() {
        InMemorySite site = new InMemorySite(NOW);
        IssueKey key = site.postMortem(postMortem(3).replace("guard number 1 to the checkout read path @kenji project:OPS", "guard number 1 to the checkout read path @kenji project:NOPE"));
        try {
            site.sync().sync(key);
            fail("a refused ticket fails the sync");
        } catch (SyncException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith("Jira refused 1 remediation ticket(s); the others were created"));
            assertTrue(e.getMessage(), e.getMessage().contains("under project 'NOPE': check that the project exists"));
        }
        assertEquals("the others were created", 2, site.jira.tickets("OPS").size());
        site.jira.update(key, new MarkdownReader(InMemorySite.POLICY.actionClasses()).read(postMortem(3), "pm.md").postMortem());
        SyncResult r = site.sync().sync(key);
        assertEquals(1, r.created().size());
        assertEquals(3, site.jira.tickets("OPS").size());
    }

    @Test
    public void aNewActionAndAClosedTicketAreSyncedAndThePageFollows() {
        Fixture f = fixture(3);
        f.sync();
        f.jira().update(f.key(), new MarkdownReader(InMemorySite.POLICY.actionClasses()).read(postMortem(3)
                + "- [ ] [priority] Alert when replication lag exceeds 60 s for 5 minutes @maria project:OPS\n", "pm.md").postMortem());
        f.jira().close("OPS-1");
        SyncResult r = f.sync();
        assertEquals(1, r.created().size());
        assertEquals(PageDecision.Action.UPDATE, r.page().action());
        InMemoryConfluence.StoredPage page = f.confluence().stored(r.pageId());
        assertEquals(2, page.versions.size());
        assertTrue("the closed ticket shows as done", page.current().contains("<ac:parameter ac:name=\"title\">DONE</ac:parameter>"));
    }

    @Test
    public void anActionTickedOffBeforeItHadATicketGetsADoneTicket() {
        InMemorySite site = new InMemorySite(NOW);
        IssueKey key = site.postMortem(postMortem(2).replace("- [ ] [improvement] Add replica lag guard number 1", "- [x] [improvement] Add replica lag guard number 1"));
        SyncResult r = site.sync().sync(key);
        assertEquals(2, r.created().size());
        String ticked = r.created().stream().filter(c -> site.jira.issue(c.key()).summary.contains("number 1")).findFirst().orElseThrow().key();
        assertTrue(site.jira.issue(ticked).done);
        assertFalse(site.jira.issue(r.created().stream().filter(c -> !c.key().equals(ticked)).findFirst().orElseThrow().key()).done);
    }

    @Test
    public void aHandEditedPageIsReplacedAndTheAuthorIsTold() {
        Fixture f = fixture(2);
        SyncResult first = f.sync();
        f.confluence().editByHand(first.pageId(), "<p>My own notes</p>");
        f.jira().update(f.key(), new MarkdownReader(InMemorySite.POLICY.actionClasses()).read(postMortem(3), "pm.md").postMortem());
        SyncResult r = f.sync();
        assertTrue(r.page().toString(), r.page().handEdited());
        assertEquals(2, r.page().replacedVersion());
        List<String> comments = f.jira().issue(f.key().value()).comments;
        assertTrue(comments.get(comments.size() - 1), comments.get(comments.size() - 1)
                .contains("The page had been edited by hand (version 2); that version is kept in the page history"));
        assertEquals("<p>My own notes</p>", f.confluence().stored(r.pageId()).versions.get(1));
    }

    @Test
    public void anApprovedPostMortemWithoutADateGetsTodaysOnceAndItsDueDatesCountFromIt() {
        InMemorySite site = new InMemorySite(NOW);
        IssueKey key = site.postMortem(postMortem(2).replace("approved: 2026-11-20\n", ""));
        site.sync().sync(key);
        assertNull("not approved yet: no date", site.jira.issue(key.value()).postMortem.approved());
        site.jira.setState(key.value(), State.CLOSED);
        site.sync().sync(key);
        assertEquals("the day of the sync that saw it approved", LocalDate.of(2026, 11, 26), site.jira.issue(key.value()).postMortem.approved());
        site.resetCounts();
        site.syncOn(Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), ZoneOffset.UTC)).sync(key);
        assertEquals("the date is written once and stays", 0, site.writes());
    }

    @Test
    public void aPostMortemTheCheckerRefusesIsNotSyncedAndIsToldOnce() {
        InMemorySite site = new InMemorySite(NOW);
        IssueKey key = site.postMortem("---\ntitle: Broken\nseverity: SEV2\n---\n## Root cause\n\nBob caused the outage by carelessly running the import.\n");
        SyncResult r = site.sync().sync(key);
        assertTrue(r.blocked());
        assertTrue(r.commented());
        assertEquals("nothing made", 0, site.jira.allTickets().size());
        assertEquals(0, site.confluence.pages().size());
        assertTrue(site.jira.issue(key.value()).comments.get(0), site.jira.issue(key.value()).comments.get(0).startsWith("Hindsight did not sync this post-mortem"));
        site.resetCounts();
        SyncResult again = site.sync().sync(key);
        assertFalse("the same findings are not said twice", again.commented());
        assertEquals(0, site.writes());
    }

    @Test
    public void aMissingPostMortemIsSaidPlainly() {
        InMemorySite site = new InMemorySite(NOW);
        try {
            site.sync().sync(IssueKey.of("PM-404"));
            fail("synced a post-mortem that does not exist");
        } catch (SyncException e) {
            assertEquals("post-mortem PM-404 does not exist or this account cannot see it", e.getMessage());
        }
    }
}
