package io.hindsight.core.usecase;

import io.hindsight.core.fake.Faults;
import io.hindsight.core.fake.InMemoryConfluence;
import io.hindsight.core.fake.InMemoryJira;
import io.hindsight.core.fake.InMemorySite;
import io.hindsight.core.fake.TestPostMortems;
import io.hindsight.core.markdown.MarkdownReader;
import io.hindsight.core.model.IssueKey;
import io.hindsight.core.model.PostMortem;
import io.hindsight.core.model.State;
import io.hindsight.core.port.Schema;
import io.hindsight.core.sync.NotAPostMortem;
import io.hindsight.core.sync.PageDecision;
import io.hindsight.core.sync.SyncDeferred;
import io.hindsight.core.sync.SyncException;
import io.hindsight.core.sync.SyncResult;
import org.junit.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/**
 * The sync against Jira and Confluence in memory: what it writes, and that it converges whatever fails
 * along the way (a crash at any call, a lost answer, a storm of 429s, a create that lands late, retries),
 * tells each change in exactly one true comment, and is quiet after.
 */
public class SyncPostMortemTest {
    private static final String NOW = "2026-11-26T12:00:00Z";

    static String postMortem(int actions) {
        return TestPostMortems.withActions(actions);
    }

    private static final String TITLE = "Checkout outage caused by database replication lag";

    static PostMortem read(String markdown) {
        return new MarkdownReader(InMemorySite.POLICY.actionClasses()).read(markdown, "pm.md").postMortem();
    }

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

        /**
         * As the worker runs a job: each failed attempt is run again; one told to wait runs when it may (the clock is
         * moved on to then, as the queue's backoff would).
         */
        SyncResult syncUntilDone() {
            for (int attempt = 1; attempt <= 10; attempt++) {
                try {
                    return sync();
                } catch (SyncDeferred wait) {
                    site.clock.advance(Duration.between(site.clock.instant(), wait.notBefore()).plusSeconds(1));
                } catch (RuntimeException failed) {
                    site.clock.advance(Duration.ofSeconds(5));
                }
            }
            throw new AssertionError("the sync did not go through in 10 attempts");
        }

        InMemoryJira jira() {
            return site.jira;
        }

        InMemoryConfluence confluence() {
            return site.confluence;
        }

        List<String> comments() {
            return jira().issue(key.value()).comments;
        }

        /** Each action's open tickets. */
        Map<String, Integer> openTicketsPerAction() {
            Map<String, Integer> out = new HashMap<>();
            for (InMemoryJira.Issue t : jira().allTickets()) {
                if (t.resolution != null) continue;
                t.labels.stream().filter(l -> l.startsWith(Schema.ACTION_LABEL_PREFIX)).forEach(l -> out.merge(l, 1, Integer::sum));
            }
            return out;
        }

        /** What a person would see: each ticket's summary, owner, due date, labels and state, and each page's versions and text. */
        List<String> endState() {
            List<String> state = new ArrayList<>();
            for (InMemoryJira.Issue t : jira().allTickets()) {
                state.add(t.key + " | " + t.summary + " | " + t.assignee + " | " + t.due + " | " + new TreeSet<>(t.labels) + " | done " + t.done);
            }
            for (InMemoryConfluence.StoredPage p : confluence().pages()) state.add(p.title + "\n" + p.current());
            return state;
        }
    }

    /** A sync now writes nothing. */
    private static void assertQuiet(InMemorySite site, IssueKey key, String why) {
        site.resetCounts();
        site.sync().sync(key);
        assertEquals(why, 0, site.writes());
    }

    private static Faults.InjectedFailure injected(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof Faults.InjectedFailure f) return f;
        }
        return null;
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
        assertTrue(f.comments().get(0), f.comments().get(0).startsWith("Hindsight synced this post-mortem.\n\n- Created 12 remediation ticket(s): OPS-1, OPS-2"));
        assertEquals("the state names the page", first.pageId(), f.jira().issue(f.key().value()).state.pageId());

        f.site().resetCounts();
        SyncResult again = f.sync();
        assertEquals("a re-sync writes nothing", 0, f.site().writes());
        assertEquals("and reads the issue and its tickets only", 2, f.site().reads());
        assertFalse("no comment spam", again.commented());
        assertFalse(again.changedAnything());
        assertEquals(1, f.comments().size());
    }

    @Test
    public void ticketsInSeveralProjectsLeaveARememberedStateThatAResyncFindsUnchanged() {
        InMemorySite site = new InMemorySite(NOW);
        IssueKey key = site.postMortem(postMortem(4).replace("number 1 to the checkout read path @kenji project:OPS", "number 1 to the checkout read path @kenji project:DB"));
        site.sync().sync(key);
        assertQuiet(site, key, "the tracker lists DB-1 before OPS-1, whatever order they were made in: nothing to write");
    }

    /** The second change of the crash matrix: one action added, one ticked off, one given to someone else. */
    private static PostMortem changed(int actions) {
        return read(postMortem(actions).replace("- [ ] [improvement] Add replica lag guard number 1 ", "- [x] [improvement] Add replica lag guard number 1 ")
                .replace("guard number 2 to the checkout read path @priya", "guard number 2 to the checkout read path @lee")
                + "- [ ] Alert when replication lag exceeds 60 s for 5 minutes @maria project:OPS id:lag-alert\n");
    }

    @Test
    public void crashingOrLosingTheAnswerAtEveryCallConvergesAndTellsEachChangeOnceAndTruly() {
        Fixture calm = fixture(12);
        int start = calm.site().faults.calls();
        calm.sync();
        int firstCalls = calm.site().faults.calls() - start;
        List<List<String>> calmEnds = new ArrayList<>(List.of(calm.endState()));
        calm.jira().edit(calm.key().value(), changed(12));
        start = calm.site().faults.calls();
        calm.sync();
        int secondCalls = calm.site().faults.calls() - start;
        calmEnds.add(calm.endState());
        List<String> calmComments = calm.comments();
        assertEquals(2, calmComments.size());
        assertTrue(calmComments.get(1), calmComments.get(1).startsWith("Hindsight synced this post-mortem.\n\n- Created 1 remediation ticket(s): OPS-13\n"
                + "- Updated 1 ticket(s): OPS-3\n- Moved 1 ticket(s) to done, as their actions are ticked off: OPS-2\n- Updated the Confluence page"));
        assertTrue("a first sync makes several calls: " + firstCalls, firstCalls >= 6);

        for (int phase = 1; phase <= 2; phase++) {
            int calls = phase == 1 ? firstCalls : secondCalls;
            for (int n = 1; n <= calls; n++) {
                for (Faults.Kind kind : new Faults.Kind[]{Faults.Kind.REFUSED, Faults.Kind.ANSWER_LOST}) {
                    Fixture f = fixture(12);
                    String where = kind + " at call " + n + " of sync " + phase;
                    if (phase == 2) {
                        f.sync();
                        f.jira().edit(f.key().value(), changed(12));
                    }
                    f.site().faults.failNth(".*", n, kind);
                    try {
                        f.sync();
                        fail(where + ": the sync went through a failure");
                    } catch (RuntimeException crash) {
                        Faults.InjectedFailure cause = injected(crash);
                        assertNotNull(where + ": " + crash, cause);
                        assertEquals(where, kind, cause.kind);
                    }
                    assertEquals(where + ": the fault fired once", 1, f.site().faults.fired().size());
                    f.site().faults.clear();

                    SyncResult r = f.syncUntilDone();
                    List<String> calmEnd = calmEnds.get(phase - 1);
                    Map<String, Integer> perAction = f.openTicketsPerAction();
                    assertEquals(where + ": a ticket for every action", phase == 1 ? 12 : 13, perAction.size());
                    assertTrue(where + ": one ticket per action " + perAction, perAction.values().stream().allMatch(c -> c == 1));
                    assertEquals(where + ": the tickets and the page as a calm sync leaves them", calmEnd.subList(0, calmEnd.size() - 1),
                            f.endState().subList(0, f.endState().size() - 1));
                    assertEquals(where + ": one page, current", calmEnd.get(calmEnd.size() - 1), f.endState().get(f.endState().size() - 1));
                    assertEquals(where + ": the page is remembered", r.pageId(), f.jira().issue(f.key().value()).state.pageId());
                    assertEquals(where + ": one comment per change, each true: " + f.comments(), calmComments.subList(0, phase), f.comments());
                    f.site().resetCounts();
                    f.sync();
                    assertEquals(where + ": and then it is quiet", 0, f.site().writes());
                }
            }
        }
    }

    @Test
    public void aStormOfTransientRefusalsEndsRetriedInTheStateOfACalmSync() {
        Fixture calm = fixture(12);
        calm.sync();
        List<String> expected = calm.endState();
        for (String call : List.of("tickets", "projects", "createTickets", "createPage", "saveState", "comment")) {
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
            assertEquals(call + ": each failed attempt was a refusal, then one went through", fired + 1, attempts);
            assertEquals(call + ": the storm hit three times", 3, fired);
            assertEquals(call, expected, f.endState());
            assertEquals(call + ": the comment was made once, refusals or not", 1, f.comments().size());
            f.site().resetCounts();
            f.sync();
            assertEquals(call + ": quiet after", 0, f.site().writes());
        }
    }

    // ---- #13: only post-mortems --------------------------------------------------------------------

    @Test
    public void anIssueThatIsNotAPostMortemIsRefusedAndNothingIsWritten() {
        InMemorySite site = new InMemorySite(NOW);
        IssueKey pm = site.postMortem(postMortem(1));
        site.sync().sync(pm);
        String task = site.jira.createIssue("OPS", "Task", "Rotate the TLS certificates");
        String ticket = site.jira.allTickets().get(0).key;
        for (String key : List.of(task, ticket)) {
            site.resetCounts();
            int pages = site.confluence.pages().size();
            try {
                site.sync().sync(IssueKey.of(key));
                fail("synced " + key + " as a post-mortem");
            } catch (NotAPostMortem e) {
                assertTrue(e.getMessage(), e.getMessage().startsWith(key + " is ") && e.getMessage().contains("not a post-mortem"));
            }
            assertEquals(key + ": nothing written", 0, site.writes());
            assertEquals(pages, site.confluence.pages().size());
            assertTrue(site.jira.issue(key).comments.isEmpty());
            assertNull(site.jira.issue(key).state);
        }
    }

    // ---- #13: owners --------------------------------------------------------------------------------

    @Test
    public void anOwnerJiraDoesNotKnowGetsAnUnassignedTicketThatNamesThemAndIsToldOnce() {
        InMemorySite site = new InMemorySite(NOW);
        IssueKey key = site.postMortem(postMortem(3).replace("guard number 1 to the checkout read path @kenji", "guard number 1 to the checkout read path @tomas"));
        SyncResult r = site.sync().sync(key);
        assertEquals("an owner never stops a ticket from existing", 3, site.jira.tickets("OPS").size());
        InMemoryJira.Issue tomas = site.jira.tickets("OPS").stream().filter(t -> t.summary.contains("number 1")).findFirst().orElseThrow();
        assertNull(tomas.assignee);
        assertTrue(tomas.description, tomas.description.contains("**Owner:** @tomas"));
        assertEquals(Map.of(tomas.key, "tomas"), r.news().unassigned());
        String comment = site.jira.issue(key.value()).comments.get(0);
        assertTrue(comment, comment.contains(tomas.key + " is unassigned: Jira has no user Hindsight may assign for @tomas"));
        assertQuiet(site, key, "remembered: no assignment tried again, nothing said again");
    }

    @Test
    public void aTicketWhoseActionIsGivenToSomeoneJiraDoesNotKnowKeepsItsAssigneeAndTheSyncGoesOn() {
        InMemorySite site = new InMemorySite(NOW);
        IssueKey key = site.postMortem(postMortem(2));
        site.sync().sync(key);
        site.jira.edit(key.value(), read(postMortem(2).replace("number 1 to the checkout read path @kenji", "number 1 to the checkout read path @tomas")));
        SyncResult r = site.sync().sync(key);
        assertEquals("kenji", site.jira.issue("OPS-2").assignee);
        assertEquals(Map.of("OPS-2", "tomas"), r.news().notReassigned());
        String comment = site.jira.issue(key.value()).comments.get(1);
        assertTrue(comment, comment.contains("OPS-2 keeps its assignee: its action now names @tomas, and Jira has no such user"));
        assertQuiet(site, key, "said once");
    }

    @Test
    public void theTeamsMapOfHandlesToJiraUsersAssignsTheTicket() {
        InMemorySite site = new InMemorySite(NOW);
        site.users.put("tomas", "kenji");
        IssueKey key = site.postMortem(postMortem(2).replace("@kenji", "@tomas"));
        SyncResult r = site.sync().sync(key);
        assertTrue(r.news().unassigned().isEmpty());
        assertEquals("kenji", site.jira.tickets("OPS").stream().filter(t -> t.summary.contains("number 1")).findFirst().orElseThrow().assignee);
    }

    // ---- #13: projects checked before writing -------------------------------------------------------

    @Test
    public void anActionNamingAProjectJiraDoesNotHaveRefusesTheSyncBeforeAnythingIsWritten() {
        InMemorySite site = new InMemorySite(NOW);
        site.jira.project("DB", List.of("Bug", "Story"));
        IssueKey key = site.postMortem(postMortem(3).replace("number 1 to the checkout read path @kenji project:OPS", "number 1 to the checkout read path @kenji project:NOPE")
                .replace("number 2 to the checkout read path @priya project:OPS", "number 2 to the checkout read path @priya project:DB"));
        site.resetCounts();
        try {
            site.sync().sync(key);
            fail("synced actions whose projects cannot have their tickets");
        } catch (SyncException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith(key + " was not synced: 2 action(s) cannot have a ticket where they ask for one"));
            assertTrue(e.getMessage(), e.getMessage().contains("- action 'Add replica lag guard number 1 to the checkout read path': project NOPE does not exist"));
            assertTrue(e.getMessage(), e.getMessage().contains("project DB does not offer the issue type Task that remediation tickets are (it offers Bug, Story)"));
        }
        assertEquals("no ticket, no page, no comment, no state", 0, site.writes());
    }

    // ---- #13: workflows -----------------------------------------------------------------------------

    /** A post-mortem of two actions synced on a workflow, then its first action ticked off and synced again. */
    private record Ticked(InMemorySite site, IssueKey key, SyncResult result) {
    }

    private static Ticked tickedOn(InMemoryJira.Workflow workflow) {
        InMemorySite site = new InMemorySite(NOW);
        site.jira.useWorkflow("OPS", workflow);
        IssueKey key = site.postMortem(postMortem(2));
        site.sync().sync(key);
        site.jira.edit(key.value(), read(postMortem(2).replace("- [ ] [priority] Add replica lag guard number 0", "- [x] [priority] Add replica lag guard number 0")));
        return new Ticked(site, key, site.sync().sync(key));
    }

    @Test
    public void aTickedActionIsMovedToDoneThroughAStepwiseWorkflow() {
        Ticked t = tickedOn(InMemoryJira.Workflow.STEPWISE);
        assertEquals("Done", t.site().jira.issue("OPS-1").status);
        assertEquals(List.of("OPS-1"), t.result().news().closed());
        assertTrue(t.site().confluence.stored(t.result().pageId()).current().contains("<ac:parameter ac:name=\"title\">DONE</ac:parameter>"));
        assertQuiet(t.site(), t.key(), "quiet after");
    }

    @Test
    public void aWorkflowWithNoWayToDoneIsToldOnceRememberedAndTriedAgainOnlyWhenTheTicketMoves() {
        Ticked t = tickedOn(InMemoryJira.Workflow.NO_DONE);
        InMemorySite site = t.site();
        IssueKey key = t.key();
        SyncResult r = t.result();
        assertEquals(Map.of("OPS-1", "To Do"), r.news().stuck());
        List<String> comments = site.jira.issue(key.value()).comments;
        assertTrue(comments.get(1), comments.get(1).contains("OPS-1's action is ticked off, but its workflow offers no way to a done status from 'To Do'"));
        assertEquals(Map.of("OPS-1", "To Do"), site.jira.issue(key.value()).state.stuck());
        site.resetCounts();
        site.sync().sync(key);
        site.sync().sync(key);
        assertEquals("said once, then quiet", 0, site.writes());
        // a person moves it; Hindsight tries again from there
        site.jira.useWorkflow("OPS", InMemoryJira.Workflow.STEPWISE);
        site.jira.moveTo("OPS-1", "In Progress");
        site.sync().sync(key);
        assertEquals("Done", site.jira.issue("OPS-1").status);
    }

    // ---- #13: waivers -------------------------------------------------------------------------------

    @Test
    public void aWaiverInTheIssuesFieldsIsHonouredByTheSync() {
        InMemorySite site = new InMemorySite(NOW);
        String blame = "Bob caused the outage by carelessly running the import.\n\n";
        IssueKey unwaived = site.postMortem(postMortem(1).replace("## Root cause\n\n", "## Root cause\n\n" + blame));
        assertTrue("without the waiver the checker stops the sync", site.sync().sync(unwaived).blocked());
        IssueKey key = site.postMortem(postMortem(1).replace("## Root cause\n\n", "## Root cause\n\n<!-- hindsight-ignore blameless.*: the review asked for the name -->\n"
                + blame));
        SyncResult r = site.sync().sync(key);
        assertFalse(r.report().findings().toString(), r.blocked());
        assertTrue(r.report().findings().stream().noneMatch(x -> x.rule().startsWith("blameless.")));
        assertTrue("no line numbers of a file nobody sees", r.report().findings().stream().allMatch(x -> x.line() == 0));
    }

    @Test
    public void aWaiverOnAnActionsLineStaysOnItsLineInJira() {
        InMemorySite site = new InMemorySite(NOW);
        IssueKey vague = site.postMortem(postMortem(1).replace("- [ ] [priority] Add replica lag guard number 0 to the checkout read path", "- [ ] [priority] Improve monitoring"));
        assertTrue("unwaived, the vague action is a finding", site.sync().sync(vague).report().findings().stream().anyMatch(x -> x.rule().startsWith("actionability.")));
        IssueKey key = site.postMortem(postMortem(1).replace("@maria project:OPS\n", "@maria project:OPS <!-- hindsight-ignore actionability.*: tracked by the DB team -->\n")
                .replace("- [ ] [priority] Add replica lag guard number 0 to the checkout read path", "- [ ] [priority] Improve monitoring"));
        SyncResult r = site.sync().sync(key);
        assertTrue(r.report().findings().toString(), r.report().findings().stream().noneMatch(x -> x.rule().startsWith("actionability.")));
    }

    // ---- #14: creates that land late, duplicates ----------------------------------------------------

    @Test
    public void aCreateThatLandsAfterTheClientGaveUpIsWaitedForNotRepeated() {
        Fixture f = fixture(5);
        f.site().faults.landLater("createTickets", Duration.ofSeconds(70));
        try {
            f.sync();
            fail("the create got no answer");
        } catch (SyncException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("got no answer"));
        }
        assertNotNull("the state says until when it may land", f.jira().issue(f.key().value()).state.unsettledUntil());
        f.site().clock.advance(Duration.ofSeconds(5));
        f.site().resetCounts();
        try {
            f.sync();
            fail("a retry 5 s later created tickets while the first create could still land");
        } catch (SyncDeferred wait) {
            assertEquals(Instant.parse(NOW).plus(SyncPostMortem.UNSETTLED_WINDOW), wait.notBefore());
        }
        assertEquals("the waiting attempt wrote nothing", 0, f.site().writes());
        f.syncUntilDone();
        assertEquals("the slow create landed; nothing was made twice", 5, f.jira().allTickets().size());
        String comment = f.comments().get(0);
        assertTrue(comment, comment.contains("Created 5 remediation ticket(s): OPS-1, OPS-2, OPS-3, OPS-4, OPS-5"));
        assertNull(f.jira().issue(f.key().value()).state.unsettledUntil());
    }

    @Test
    public void duplicatesACreateLeftBehindAreResolvedAsDuplicatesOfTheOldestOnce() {
        Fixture f = fixture(3);
        // later than anyone waits: the retry made the tickets, and then the slow original landed too
        f.site().faults.landLater("createTickets", Duration.ofMinutes(30));
        try {
            f.sync();
        } catch (SyncException expected) {
            // no answer
        }
        f.site().clock.advance(SyncPostMortem.UNSETTLED_WINDOW.plusSeconds(1));
        f.sync();
        f.site().clock.advance(Duration.ofMinutes(30));
        SyncResult healed = f.sync();
        assertEquals("three actions, six tickets", 6, f.jira().allTickets().size());
        assertEquals(3, healed.news().healed().size());
        for (String dup : List.of("OPS-4", "OPS-5", "OPS-6")) {
            InMemoryJira.Issue d = f.jira().issue(dup);
            assertEquals(dup, "Duplicate", d.resolution);
            assertTrue(dup, d.done);
        }
        assertEquals(List.of("OPS-1"), f.jira().issue("OPS-4").duplicates);
        assertTrue("the kept ones stay open", f.jira().tickets("OPS").stream().filter(t -> List.of("OPS-1", "OPS-2", "OPS-3").contains(t.key)).noneMatch(t -> t.done));
        String comment = f.comments().get(f.comments().size() - 1);
        assertTrue(comment, comment.contains("OPS-4 was a second ticket for the action OPS-1 answers for") && comment.contains("resolved as Duplicate"));
        f.site().resetCounts();
        f.sync();
        assertEquals("said once, then quiet", 0, f.site().writes());
    }

    // ---- the rest of a sync's life ------------------------------------------------------------------

    @Test
    public void aNewActionAndAClosedTicketAreSyncedAndThePageFollows() {
        Fixture f = fixture(3);
        f.sync();
        f.jira().edit(f.key().value(), read(postMortem(3) + "- [ ] [priority] Alert when replication lag exceeds 60 s for 5 minutes @maria project:OPS\n"));
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
        assertQuiet(site, key, "its page showed it done at once");
    }

    @Test
    public void aHandEditedPageIsReplacedAndTheAuthorIsTold() {
        Fixture f = fixture(2);
        SyncResult first = f.sync();
        f.confluence().editByHand(first.pageId(), "<p>My own notes</p>");
        f.jira().edit(f.key().value(), read(postMortem(3)));
        SyncResult r = f.sync();
        assertTrue(r.page().toString(), r.page().handEdited());
        assertEquals(2, r.page().replacedVersion());
        List<String> comments = f.comments();
        assertTrue(comments.get(comments.size() - 1), comments.get(comments.size() - 1)
                .contains("The page had been edited by hand (version 2); that version is kept in the page history"));
        assertEquals("<p>My own notes</p>", f.confluence().stored(r.pageId()).versions.get(1));
    }

    @Test
    public void aPageWriteWhoseAnswerWasLostIsRecognisedAsHindsightsOwnNotAHandEdit() {
        Fixture f = fixture(2);
        SyncResult first = f.sync();
        f.jira().edit(f.key().value(), read(postMortem(3)));
        f.site().faults.failNth("updatePage", 1, Faults.Kind.ANSWER_LOST);
        try {
            f.sync();
            fail("the answer was lost");
        } catch (Faults.InjectedFailure lost) {
            assertEquals(Faults.Kind.ANSWER_LOST, lost.kind);
        }
        f.site().faults.clear();
        SyncResult r = f.sync();
        assertEquals("not written again", PageDecision.Action.UNCHANGED, r.page().action());
        assertEquals(2, f.confluence().stored(first.pageId()).versions.size());
        String comment = f.comments().get(f.comments().size() - 1);
        assertTrue(comment, comment.contains("- Created 1 remediation ticket(s): OPS-3\n- Updated the Confluence page (id " + first.pageId() + ")."));
        assertFalse(comment, comment.contains("edited by hand"));
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
