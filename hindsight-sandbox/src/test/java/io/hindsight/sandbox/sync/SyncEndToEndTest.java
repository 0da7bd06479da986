package io.hindsight.sandbox.sync;

import io.hindsight.atlassian.jira.JiraClient;
import io.hindsight.atlassian.jira.JiraModel;
import io.hindsight.atlassian.provision.ProvisionedIds;
import io.hindsight.atlassian.provision.Provisioner;
import io.hindsight.atlassian.provision.ProvisioningSpec;
import io.hindsight.atlassian.adapter.ConfluencePages;
import io.hindsight.atlassian.adapter.JiraPostMortemStore;
import io.hindsight.atlassian.adapter.JiraTicketTracker;
import io.hindsight.core.fake.TestPostMortems;
import io.hindsight.core.lint.Checker;
import io.hindsight.core.markdown.MarkdownReader;
import io.hindsight.core.model.PostMortem;
import io.hindsight.core.plan.RemediationPlanner;
import io.hindsight.core.plan.SloPolicy;
import io.hindsight.core.plan.SloPolicyLoader;
import io.hindsight.core.render.PostMortemRenderer;
import io.hindsight.core.model.IssueKey;
import io.hindsight.core.model.RemediationTicket;
import io.hindsight.core.model.TrackedPostMortem;
import io.hindsight.core.port.Schema;
import io.hindsight.core.sync.PageDecision;
import io.hindsight.core.sync.SyncDeferred;
import io.hindsight.core.sync.SyncResult;
import io.hindsight.core.usecase.LintPostMortem;
import io.hindsight.core.usecase.PublishPostMortem;
import io.hindsight.core.usecase.BuildReport;
import io.hindsight.core.usecase.SyncPostMortem;
import io.hindsight.core.template.TemplateRegistry;
import io.hindsight.sandbox.Faults;
import io.hindsight.sandbox.site.Flavor;
import io.hindsight.sandbox.Sandbox;
import io.hindsight.sandbox.SandboxTestClients;
import io.hindsight.sandbox.jira.JiraState;
import org.junit.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/**
 * The sync end to end: the use case through the REST adapters against the sandbox, every request checked by the
 * HTTP layer as against a real site. Frugal, convergent under crashes, and quiet when nothing changed.
 */
public class SyncEndToEndTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC);
    private static final SloPolicy POLICY = SloPolicyLoader.defaults();
    static String postMortem(int actions) {
        return TestPostMortems.withActions(actions);
    }

    /** A provisioned sandbox with one post-mortem issue holding {@code actions} actions. */
    static final class Site implements AutoCloseable {
        final Sandbox sandbox;
        final JiraPostMortemStore store;
        final JiraTicketTracker tracker;
        final SyncPostMortem engine;
        final IssueKey key;
        final JiraClient jira;

        Site(Flavor flavor, int actions) {
            sandbox = Sandbox.start(flavor, 0);
            SandboxTestClients clients = new SandboxTestClients(sandbox);
            jira = clients.jira();
            ProvisionedIds ids = new Provisioner(jira, clients.agile(), clients.confluence())
                    .apply(new Provisioner(jira, clients.agile(), clients.confluence()).plan(ProvisioningSpec.defaults("PM", "postmortem-action", "OPS")));
            store = new JiraPostMortemStore(jira, ids, POLICY.actionClasses());
            tracker = new JiraTicketTracker(jira, ids);
            PostMortem pm = new MarkdownReader(POLICY.actionClasses()).read(postMortem(actions), "pm.md").postMortem();
            key = store.create("PM", pm).key();
            wiki = new ConfluencePages(clients.confluence(), "OPS", ids.parentPageId());
            engine = engineOn(CLOCK);
            sandbox.log().clear();
        }

        private final ConfluencePages wiki;

        /** The sync as it runs on another day. */
        SyncPostMortem engineOn(Clock clock) {
            return new SyncPostMortem(store, tracker, wiki, new Checker(TemplateRegistry.builtIn(), POLICY, clock), new RemediationPlanner(POLICY),
                    PostMortemRenderer.withBuiltInTemplates(), new SyncPostMortem.Settings(sandbox.url().toString(), null, null, Schema.PAGE_LABELS), clock);
        }

        /** Published from Markdown as 'hindsight publish' does: checked, then the issue written (the sync is the caller's). */
        PublishPostMortem.Written publish(String markdown) {
            PublishPostMortem publish = new PublishPostMortem(new LintPostMortem(new MarkdownReader(POLICY.actionClasses()),
                    new Checker(TemplateRegistry.builtIn(), POLICY, CLOCK), store, tracker, Map.of()), store, tracker, new RemediationPlanner(POLICY));
            return publish.write(publish.check(markdown, "pm.md"), "PM");
        }

        /** A person edits the post-mortem's fields in Jira. */
        void edit(IssueKey k, PostMortem pm) {
            store.update(store.load(k).orElseThrow(), pm);
        }

        /** The post-mortem as the sync loads it. */
        PostMortem load(IssueKey k) {
            return store.load(k).orElseThrow().postMortem();
        }

        List<JiraState.Issue> tickets() {
            synchronized (sandbox.jira()) {
                return sandbox.jira().issuesByKey.values().stream().filter(i -> i.projectKey.equals("OPS")).toList();
            }
        }

        long pages(String title) {
            synchronized (sandbox.confluence()) {
                return sandbox.confluence().pages.values().stream().filter(p -> p.title.equals(title)).count();
            }
        }

        @Override
        public void close() {
            sandbox.close();
        }
    }

    @Test
    public void publishingFiftyActionsTakesSixRequestsAndANoChangeResyncTwoReads() {
        try (Site site = new Site(Flavor.DATA_CENTER, 1)) {
            PublishPostMortem.Written written = site.publish(postMortem(50));
            SyncResult first = site.engine.syncWritten(written);
            long requests = site.sandbox.log().apiEntries().size();
            System.out.println("first publish, 50 actions (DC): " + requests + " requests " + site.sandbox.log().perEndpoint());
            assertEquals(50, first.created().size());
            assertEquals(PageDecision.Action.CREATE, first.page().action());
            assertTrue(first.commented());
            assertTrue("at most 6 requests, was " + requests, requests <= 6);
            assertEquals(50, site.tickets().size());

            site.sandbox.log().clear();
            SyncResult again = site.engine.sync(written.key());
            System.out.println("no-change re-sync (DC): reads " + site.sandbox.log().reads() + ", writes " + site.sandbox.log().writes());
            assertEquals(0, site.sandbox.log().writes());
            assertTrue(site.sandbox.log().reads() <= 2);
            assertFalse("no comment spam", again.commented());
            assertFalse(again.changedAnything());
        }
    }

    @Test
    public void aNewActionAndAClosedTicketAreSyncedAndThePageFollows() {
        try (Site site = new Site(Flavor.DATA_CENTER, 3)) {
            site.engine.sync(site.key);
            PostMortem pm = new MarkdownReader(POLICY.actionClasses()).read(postMortem(3)
                    + "- [ ] [priority] Alert when replication lag exceeds 60 s for 5 minutes @maria project:OPS\n", "pm.md").postMortem();
            site.edit(site.key, pm);
            String closed = site.tickets().get(0).key;
            site.jira.transition(closed, "31");
            SyncResult r = site.engine.sync(site.key);
            assertEquals(1, r.created().size());
            assertEquals(PageDecision.Action.UPDATE, r.page().action());
            assertEquals(4, site.tickets().size());
            synchronized (site.sandbox.confluence()) {
                var page = site.sandbox.confluence().pages.get(r.pageId());
                assertEquals(2, page.current().number());
                assertTrue("the closed ticket shows as done", page.current().storage().contains("<ac:parameter ac:name=\"title\">DONE</ac:parameter>"));
            }
        }
    }

    @Test
    public void aLabelAddedToAnActionReachesItsTicketAndLabelsPeopleAddedStay() {
        try (Site site = new Site(Flavor.DATA_CENTER, 1)) {
            site.engine.sync(site.key);
            String ticket = site.tickets().get(0).key;
            site.jira.edit(ticket, new io.hindsight.atlassian.jira.JiraModel.IssueEdit(null, null, null, null, null, List.of("customer-facing"), java.util.Map.of()));
            PostMortem pm = new MarkdownReader(POLICY.actionClasses()).read(postMortem(1).replace("project:OPS", "project:OPS labels:team-db"), "pm.md").postMortem();
            site.edit(site.key, pm);
            site.engine.sync(site.key);
            List<String> labels = site.tickets().get(0).labels();
            assertTrue(labels.toString(), labels.containsAll(List.of("postmortem-action", "customer-facing", "team-db")));
        }
    }

    @Test
    public void aHandEditedPageIsReplacedAndTheAuthorIsTold() {
        try (Site site = new Site(Flavor.DATA_CENTER, 2)) {
            SyncResult first = site.engine.sync(site.key);
            synchronized (site.sandbox.confluence()) {
                var page = site.sandbox.confluence().pages.get(first.pageId());
                page.versions.add(new io.hindsight.sandbox.confluence.ConfluenceState.Version(2, "<p>My own notes</p>", null, Instant.now(), "alice"));
            }
            site.edit(site.key, new MarkdownReader(POLICY.actionClasses()).read(postMortem(3), "pm.md").postMortem());
            SyncResult r = site.engine.sync(site.key);
            assertTrue(r.page().toString(), r.page().handEdited());
            assertEquals(2, r.page().replacedVersion());
            synchronized (site.sandbox.jira()) {
                var comments = site.sandbox.jira().issuesByKey.get(site.key.value()).comments;
                String wiki = comments.get(comments.size() - 1).body().asText();
                assertTrue(wiki, wiki.contains("The page had been edited by hand \\(version 2\\); that version is kept in the page history"));
            }
        }
    }

    @Test
    public void crashingAtEveryRequestOfAPublishConvergesOnOneTicketPerActionAndOnePage() {
        for (int n = 1; n <= 6; n++) {
            for (boolean answerLost : new boolean[]{false, true}) {
                try (Site site = new Site(Flavor.DATA_CENTER, 12)) {
                    String any = "(GET|POST|PUT) /rest/.*";
                    site.sandbox.faults().add(answerLost ? Faults.Rule.lostAnswerOnNth(any, n) : Faults.Rule.failNth(any, n, 500));
                    try {
                        site.engine.sync(site.key);
                    } catch (RuntimeException expected) {
                        // the crash (a read the client retried may have gone through instead); the next sync must finish the job
                    }
                    int sent = answerLost ? 0 : 500;
                    assertEquals("failure at request " + n + ": the fault fired once", 1,
                            site.sandbox.log().apiEntries().stream().filter(e -> e.status() == sent).count());
                    site.sandbox.faults().clear();
                    SyncResult r;
                    try {
                        r = site.engine.sync(site.key);
                    } catch (SyncDeferred wait) {
                        // a create whose answer never came: the sync waits until it can no longer land, then creates what is missing
                        r = site.engineOn(Clock.fixed(wait.notBefore().plusSeconds(1), ZoneOffset.UTC)).sync(site.key);
                    }
                    String where = "failure at request " + n + (answerLost ? " (carried out, answer lost)" : " (500)");
                    assertEquals(where, 12, site.tickets().size());
                    Set<String> actionLabels = new HashSet<>();
                    for (JiraState.Issue t : site.tickets()) {
                        actionLabels.add(t.labels().stream().filter(l -> l.startsWith(Schema.ACTION_LABEL_PREFIX)).findFirst().orElseThrow());
                    }
                    assertEquals(where + ": one ticket per action", 12, actionLabels.size());
                    assertEquals(where + ": one page", 1, site.pages(site.key + ": Checkout outage caused by database replication lag"));
                    assertTrue(where, r.pageId() != null);
                    site.sandbox.log().clear();
                    site.engine.sync(site.key);
                    assertEquals(where + ": and then it is quiet", 0, site.sandbox.log().writes());
                }
            }
        }
    }

    /** What a user sees after a publish: each ticket's summary, owner, due date and labels, and the page's text (links without the sandbox's port). */
    private static List<String> endState(Site site) {
        List<String> state = new java.util.ArrayList<>();
        for (JiraState.Issue t : site.tickets()) {
            state.add(t.key + " | " + t.text("summary") + " | " + t.text("assignee") + " | " + t.text("duedate") + " | " + new java.util.TreeSet<>(t.labels()));
        }
        synchronized (site.sandbox.confluence()) {
            site.sandbox.confluence().pages.values().stream().filter(p -> p.title.startsWith(site.key + ":"))
                    .forEach(p -> state.add(p.title + " v" + p.versions.size() + "\n" + p.current().storage()
                            .replace(site.sandbox.url().toString().replaceAll("/$", ""), "{sandbox}")));
        }
        java.util.Collections.sort(state);
        return state;
    }

    @Test
    public void rateLimitStormsEndInTheSameStateAsACalmPublish() {
        List<String> calm;
        try (Site site = new Site(Flavor.DATA_CENTER, 12)) {
            site.engine.sync(site.key);
            calm = endState(site);
        }
        // a storm the client rides out: 429 with Retry-After on the search, the bulk create and the page create
        try (Site site = new Site(Flavor.DATA_CENTER, 12)) {
            site.sandbox.faults().add(Faults.Rule.rateLimit("POST /rest/api/2/search", 1, 1));
            site.sandbox.faults().add(Faults.Rule.rateLimit("POST /rest/api/2/issue/bulk", 1, 1));
            site.sandbox.faults().add(Faults.Rule.rateLimit("POST /rest/api/content.*", 1, 1));
            SyncResult r = site.engine.sync(site.key);
            assertEquals(12, r.created().size());
            assertEquals("3 requests refused and retried", 3, site.sandbox.log().apiEntries().stream().filter(e -> e.status() == 429).count());
            assertEquals(calm, endState(site));
        }
        // a storm longer than the client's patience: the sync fails, nothing is half-made, and the next sync finishes it
        try (Site site = new Site(Flavor.DATA_CENTER, 12)) {
            site.sandbox.faults().add(Faults.Rule.rateLimit("POST /rest/api/2/issue/bulk", 1, 50));
            try {
                site.engine.sync(site.key);
                fail("a storm of 50 refusals was ridden out by a client that tries 5 times");
            } catch (RuntimeException expected) {
                assertTrue(expected.getMessage(), expected.getMessage().contains("429") || expected.getMessage().toLowerCase().contains("rate"));
            }
            assertEquals("no ticket was created during the storm", 0, site.tickets().size());
            site.sandbox.faults().clear();
            site.engine.sync(site.key);
            assertEquals(calm, endState(site));
            site.sandbox.log().clear();
            site.engine.sync(site.key);
            assertEquals(0, site.sandbox.log().writes());
        }
    }

    @Test
    public void theApprovalAndPeopleLiveInJiraSoDueDatesStayPutDayAfterDay() {
        for (Flavor flavor : Flavor.values()) {
            try (Site site = new Site(flavor, 4)) {
                // postMortem(n) says approved: 2026-11-20; priority actions of a SEV3 are due 8 weeks later under the default policy
                PostMortem pm = site.load(site.key);
                assertEquals(flavor + ": the approval date is read back from Jira", java.time.LocalDate.of(2026, 11, 20), pm.approved());
                assertEquals(List.of("priya", "lee"), pm.approvers());
                assertEquals(List.of("maria"), pm.authors());
                assertEquals(List.of("checkout", "orders-db"), pm.services());
                site.engine.sync(site.key);
                List<String> dues = site.tickets().stream().map(t -> t.text("duedate")).sorted().toList();
                site.sandbox.log().clear();
                site.engineOn(Clock.fixed(Instant.parse("2026-12-03T12:00:00Z"), ZoneOffset.UTC)).sync(site.key);
                assertEquals(flavor + ": a week later nothing moved", 0, site.sandbox.log().writes());
                assertEquals(dues, site.tickets().stream().map(t -> t.text("duedate")).sorted().toList());
            }
        }
    }

    @Test
    public void aReportLoadsManyPostMortemsInAFewSearchesAndFindsEveryTicket() {
        for (Flavor flavor : Flavor.values()) {
            try (Site site = new Site(flavor, 3)) {
                MarkdownReader reader = new MarkdownReader(POLICY.actionClasses());
                List<IssueKey> keys = new java.util.ArrayList<>(List.of(site.key));
                for (int i = 1; i < 120; i++) keys.add(site.store.create("PM", reader.read(postMortem(1 + i % 3), "pm.md").postMortem()).key());
                for (IssueKey k : keys) site.engine.sync(k);
                site.sandbox.log().clear();
                List<TrackedPostMortem> report = new BuildReport(site.store, site.tracker, CLOCK).postMortems(null, 1000, BuildReport.Progress.NONE);
                long requests = site.sandbox.log().apiEntries().size();
                System.out.println("report load of 120 post-mortems (" + flavor + "): " + requests + " requests " + site.sandbox.log().perEndpoint());
                assertEquals(120, report.size());
                assertTrue(flavor + ": a search for the post-mortems and one per 50 for their tickets, not 240 reads; was " + requests, requests <= 6);
                for (int i = 0; i < 120; i += 17) {
                    IssueKey k = keys.get(i);
                    TrackedPostMortem inReport = report.stream().filter(l -> k.equals(l.key())).findFirst().orElseThrow();
                    assertEquals(flavor + " " + k, site.load(k), inReport.postMortem());
                    assertEquals(flavor + " " + k, site.tracker.tickets(k).stream().map(RemediationTicket::key).sorted().toList(),
                            inReport.tickets().stream().map(RemediationTicket::key).sorted().toList());
                }
            }
        }
    }

    @Test
    public void anApprovedPostMortemWithoutADateGetsTodaysAndItsDueDatesCountFromIt() {
        try (Site site = new Site(Flavor.DATA_CENTER, 2)) {
            IssueKey undated = site.store.create("PM", new MarkdownReader(POLICY.actionClasses())
                    .read(postMortem(2).replace("approved: 2026-11-20\n", ""), "pm.md").postMortem()).key();
            site.engine.sync(undated);
            assertEquals("not approved yet: no date", null, site.load(undated).approved());
            // the approvers sign it off in Jira: the workflow moves it to Done
            site.tracker.moveToDone(undated);
            site.engine.sync(undated);
            PostMortem pm = site.load(undated);
            assertEquals(io.hindsight.core.model.State.CLOSED, pm.state());
            assertEquals("the day of the sync that saw it approved", java.time.LocalDate.of(2026, 11, 26), pm.approved());
            // SEV3 priority actions are due 8 weeks after approval under the default policy
            assertTrue(site.tickets().stream().anyMatch(t -> "2027-01-21".equals(t.text("duedate"))));
            site.sandbox.log().clear();
            site.engineOn(Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), ZoneOffset.UTC)).sync(undated);
            assertEquals("the date is written once and stays", 0, site.sandbox.log().writes());
        }
    }

    @Test
    public void cloudPublishesTooWithAdfAndAccountIds() {
        try (Site site = new Site(Flavor.CLOUD, 1)) {
            PublishPostMortem.Written written = site.publish(postMortem(50));
            SyncResult first = site.engine.syncWritten(written);
            long requests = site.sandbox.log().apiEntries().size();
            System.out.println("first publish, 50 actions (Cloud): " + requests + " requests " + site.sandbox.log().perEndpoint());
            // Cloud assigns by account id: one user search per distinct owner (remembered for the run), the rest as on Data Center
            long owners = written.stored().postMortem().actionItems().stream().map(a -> a.owner()).filter(java.util.Objects::nonNull).distinct().count();
            long lookups = site.sandbox.log().perEndpoint().getOrDefault("GET /rest/api/3/user/search", 0L);
            assertTrue("one user search per distinct owner (" + owners + "), was " + lookups, lookups <= owners);
            assertTrue("at most 8 requests besides the owner searches, was " + (requests - lookups), requests - lookups <= 8);
            assertEquals(50, first.created().size());
            assertEquals(50, site.tickets().size());
            site.sandbox.log().clear();
            site.engine.sync(written.key());
            System.out.println("no-change re-sync (Cloud): reads " + site.sandbox.log().reads() + ", writes " + site.sandbox.log().writes());
            assertEquals(0, site.sandbox.log().writes());
            synchronized (site.sandbox.jira()) {
                assertTrue(site.tickets().get(0).fields.path("assignee").has("accountId"));
            }
        }
    }
}
