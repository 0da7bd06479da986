package io.hindsight.jira.engine;

import com.atlassian.scheduler.JobRunnerRequest;
import io.hindsight.core.fake.Faults;
import io.hindsight.core.fake.InMemoryJira;
import io.hindsight.core.model.State;
import io.hindsight.core.port.Schema;
import io.hindsight.core.report.ReportData;
import io.hindsight.jira.config.AdminSettings;
import io.hindsight.jira.queue.JobStatus;
import io.hindsight.jira.queue.QueuePolicy;
import io.hindsight.jira.queue.SyncJob;
import io.hindsight.jira.queue.SyncQueue;
import io.hindsight.jira.schedule.QueueDrainJob;
import io.hindsight.jira.schedule.NodeName;
import io.hindsight.jira.schedule.RemindersJob;
import io.hindsight.jira.testing.I18n;
import io.hindsight.jira.testing.AoDatabase;
import io.hindsight.jira.testing.FakeSite;
import io.hindsight.jira.testing.Fixtures;
import io.hindsight.jira.testing.LocalClusterLocks;
import io.hindsight.jira.testing.MutableClock;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.mockito.Mockito.mock;

/**
 * A whole sync job: queued in Active Objects (HSQLDB), claimed by the drain job under its cluster lock, run
 * through the core's SyncPostMortem by the app's Engine with the admin's settings, against the core's honest
 * fakes of Jira and Confluence. Then the reminders job and the report, through the same Engine.
 */
public class SyncFromQueueTest {
    @Rule
    public final AoDatabase db = new AoDatabase();

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-20T10:00:00Z"));
    private final LocalClusterLocks locks = new LocalClusterLocks();
    private final JobRunnerRequest request = mock(JobRunnerRequest.class);
    private final FakeSite site = new FakeSite();
    private SyncQueue queue;
    private Engine engine;
    private QueueDrainJob drain;

    @Before
    public void setUp() {
        queue = new SyncQueue(db.activeObjects(), locks, clock, new QueuePolicy(3, Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15)));
        engine = new Engine(new AdminSettings(db.activeObjects(), clock), site, clock, new I18n());
        drain = new QueueDrainJob(queue, engine, locks, clock, new NodeName("node-a"));
        site.put("PM-1", Fixtures.CLEAN);
        site.jira.setState("PM-1", State.APPROVED);
    }

    @Test
    public void aQueuedJobCreatesTheTicketsAndThePageAndASecondChangesNothing() {
        queue.enqueue("PM-1", "issue updated");
        assertEquals("1 synced, 0 failed", drain.runJob(request).getMessage());

        assertEquals(JobStatus.DONE, queue.latest("PM-1").orElseThrow().status());
        List<InMemoryJira.Issue> tickets = site.jira.allTickets();
        assertEquals("one ticket per action", 2, tickets.size());
        for (InMemoryJira.Issue t : tickets) {
            assertTrue(t.key + " carries its action id", t.labels.stream().anyMatch(l -> l.startsWith(Schema.ACTION_LABEL_PREFIX)));
            assertEquals(List.of("PM-1"), t.remediates);
        }
        assertTrue("filed where the action says", tickets.stream().anyMatch(t -> t.key.startsWith("OPS-") && "maria".equals(t.assignee)));
        assertEquals(1, site.confluence.pages().size());
        assertTrue(site.confluence.pages().get(0).title.startsWith("PM-1: "));
        assertEquals("the state remembers the page", site.confluence.pages().get(0).id, site.jira.issue("PM-1").state.pageId());
        assertEquals("the approval day due dates count from", java.time.LocalDate.of(2026, 11, 20), site.jira.issue("PM-1").postMortem.approved());
        assertEquals("ran as Hindsight's account", 1, site.backgroundRuns);

        site.resetCounts();
        queue.enqueue("PM-1", "issue updated");
        drain.runJob(request);
        assertEquals(2, site.jira.allTickets().size());
        assertEquals("nothing to write the second time", 0, site.writes());
    }

    @Test
    public void theSyncSaysWhatItDidInTheSitesLanguage() {
        assertEquals("PM-1: 2 ticket(s) created, 0 updated, page create", engine.sync("PM-1"));
        Engine translated = new Engine(new AdminSettings(db.activeObjects(), clock), site, clock,
                new I18n().with("hindsight.sync.done", "{0}: {1} Tickets angelegt, {2} aktualisiert, Seite {3}"));
        assertEquals("PM-1: 0 Tickets angelegt, 0 aktualisiert, Seite unchanged", translated.sync("PM-1"));
    }

    @Test
    public void aFailedSyncIsRetriedAndConvergesOnOneTicketPerActionAndOnePage() {
        site.faults.failNth("createPage", 1, Faults.Kind.ANSWER_LOST);
        queue.enqueue("PM-1", "issue updated");
        assertEquals("0 synced, 1 failed", drain.runJob(request).getMessage());
        SyncJob failed = queue.latest("PM-1").orElseThrow();
        assertEquals(JobStatus.QUEUED, failed.status());
        assertTrue(failed.lastError().orElseThrow(), failed.lastError().orElseThrow().contains("createPage"));

        clock.advance(Duration.ofMinutes(2));
        assertEquals("1 synced, 0 failed", drain.runJob(request).getMessage());
        assertEquals(2, site.jira.allTickets().size());
        assertEquals(1, site.confluence.pages().size());
    }

    @Test
    public void aKeyThatIsNoPostMortemEndsInTheDeadLetterListSayingSo() {
        queue.enqueue("OPS-404", "requested by alice");
        for (int i = 0; i < 3; i++) {
            drain.runJob(request);
            clock.advance(Duration.ofMinutes(20));
        }
        SyncJob dead = queue.latest("OPS-404").orElseThrow();
        assertEquals(JobStatus.DEAD, dead.status());
        assertTrue(dead.lastError().orElseThrow(), dead.lastError().orElseThrow().contains("does not exist"));
        assertEquals(0, site.confluence.pages().size());
    }

    @Test
    public void remindersAndTheReportRunThroughTheSameEngine() {
        queue.enqueue("PM-1", "issue updated");
        drain.runJob(request);
        String ops = site.jira.allTickets().stream().filter(t -> t.key.startsWith("OPS-")).findFirst().orElseThrow().key;

        clock.set(Instant.parse("2026-12-21T09:00:00Z"));
        assertEquals("1 reminder(s) sent", new RemindersJob(engine).runJob(request).getMessage());
        assertEquals(1, site.jira.issue(ops).comments.size());
        assertEquals("maria", site.jira.issue(ops).mentions.get(0).get(0).id());
        assertEquals("a milestone is told once", "0 reminder(s) sent", new RemindersJob(engine).runJob(request).getMessage());

        ReportData report = engine.report();
        assertEquals(1, report.postMortems().size());
        assertEquals("PM-1", report.postMortems().get(0).key());
        assertEquals(1, report.postMortems().get(0).actionsOverdue());
        assertFalse(report.rows().isEmpty());
    }
}
