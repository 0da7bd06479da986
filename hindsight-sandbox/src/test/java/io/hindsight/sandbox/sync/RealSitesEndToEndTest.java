package io.hindsight.sandbox.sync;

import io.hindsight.atlassian.adapter.AtlassianSite;
import io.hindsight.atlassian.http.Credentials;
import io.hindsight.atlassian.http.HttpSettings;
import io.hindsight.atlassian.http.RequestCounter;
import io.hindsight.atlassian.provision.ProvisionedIds;
import io.hindsight.atlassian.provision.Provisioner;
import io.hindsight.atlassian.provision.ProvisioningSpec;
import io.hindsight.core.fake.TestPostMortems;
import io.hindsight.core.lint.Checker;
import io.hindsight.core.markdown.MarkdownReader;
import io.hindsight.core.model.IssueKey;
import io.hindsight.core.model.PostMortem;
import io.hindsight.core.plan.RemediationPlanner;
import io.hindsight.core.plan.SloPolicy;
import io.hindsight.core.plan.SloPolicyLoader;
import io.hindsight.core.port.PostMortemStore;
import io.hindsight.core.port.Schema;
import io.hindsight.core.port.TicketTracker;
import io.hindsight.core.port.WikiPages;
import io.hindsight.core.render.PostMortemRenderer;
import io.hindsight.core.sync.SyncDeferred;
import io.hindsight.core.sync.SyncResult;
import io.hindsight.core.template.TemplateRegistry;
import io.hindsight.core.usecase.LintPostMortem;
import io.hindsight.core.usecase.PublishPostMortem;
import io.hindsight.core.usecase.SyncPostMortem;
import io.hindsight.sandbox.Faults;
import io.hindsight.sandbox.Sandbox;
import io.hindsight.sandbox.jira.JiraState;
import io.hindsight.sandbox.jira.Workflows;
import io.hindsight.sandbox.site.Flavor;
import org.junit.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/**
 * Publish and sync against the sandbox as a host wires them (AtlassianSite, the flavour configured), on the
 * situations real sites have: keys that name other issues, issues that are not post-mortems, owners and projects
 * Jira does not have, workflows without a direct way to Done, slow creates, comments and page writes that fail.
 */
public class RealSitesEndToEndTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC);
    private static final SloPolicy POLICY = SloPolicyLoader.defaults();
    private static final String TITLE = "Checkout outage caused by database replication lag";

    /** A provisioned sandbox and the use cases over it, wired as the CLI wires them. */
    static final class Host implements AutoCloseable {
        final Sandbox sandbox;
        final ProvisionedIds ids;
        final RequestCounter counter = new RequestCounter();
        AtlassianSite site;
        PostMortemStore store;
        TicketTracker tracker;
        WikiPages wiki;
        SyncPostMortem sync;
        PublishPostMortem publish;
        LintPostMortem lint;
        Clock clock = CLOCK;
        Duration window = SyncPostMortem.UNSETTLED_WINDOW;
        Map<String, String> users = new HashMap<>();

        Host(Flavor flavor, Workflows workflow, HttpSettings http) {
            sandbox = Sandbox.start(flavor, 0, Clock.systemUTC(), workflow);
            connect(http);
            Provisioner p = site.provisioner();
            ids = p.apply(p.plan(ProvisioningSpec.defaults("PM", Schema.TICKET_LABEL, "OPS")));
            wire();
            sandbox.log().clear();
        }

        Host(Flavor flavor) {
            this(flavor, Workflows.SIMPLIFIED, HttpSettings.defaults().withRetries(3, Duration.ofMillis(5), Duration.ofMillis(20), Duration.ofSeconds(5)));
        }

        private void connect(HttpSettings http) {
            boolean cloud = sandbox.flavor() == Flavor.CLOUD;
            Credentials c = cloud ? Credentials.emailAndApiToken(Sandbox.ADMIN_EMAIL, Sandbox.ADMIN_API_TOKEN) : Credentials.personalAccessToken(Sandbox.ADMIN_TOKEN);
            AtlassianSite.Endpoint e = new AtlassianSite.Endpoint(sandbox.url(), c, http, counter);
            site = AtlassianSite.connect(e, Optional.of(e), Optional.of(cloud ? AtlassianSite.Flavor.CLOUD : AtlassianSite.Flavor.DATA_CENTER));
        }

        /** A new run of the CLI: fresh adapters (nothing remembered between runs but what Jira holds). */
        void wire() {
            store = site.postMortems(ids, POLICY.actionClasses());
            tracker = site.tickets(ids);
            wiki = site.pages("OPS", ids);
            Checker checker = new Checker(TemplateRegistry.builtIn(), POLICY, clock);
            sync = new SyncPostMortem(store, tracker, wiki, checker, new RemediationPlanner(POLICY), PostMortemRenderer.withBuiltInTemplates(),
                    new SyncPostMortem.Settings(sandbox.url().toString(), null, null, Schema.PAGE_LABELS).withUsers(users).withUnsettledWindow(window), clock);
            lint = new LintPostMortem(new MarkdownReader(POLICY.actionClasses()), checker, store, tracker, users);
            publish = new PublishPostMortem(lint, store, tracker, new RemediationPlanner(POLICY));
        }

        /** Publishes Markdown as 'hindsight publish' does: check, write the issue, sync. */
        IssueKey publish(String markdown) {
            PublishPostMortem.Checked checked = publish.check(markdown, "pm.md");
            if (checked.refused()) throw new IllegalStateException(checked.summary() + ": " + checked.problems());
            PublishPostMortem.Written written = publish.write(checked, "PM");
            sync.syncWritten(written);
            return written.key();
        }

        /** A post-mortem an author wrote in Jira. */
        IssueKey createPostMortem(String markdown) {
            return store.create("PM", read(markdown)).key();
        }

        /** An author edits it in Jira. */
        void edit(IssueKey key, String markdown) {
            store.update(store.load(key).orElseThrow(), read(markdown));
        }

        JiraState.Issue issue(String key) {
            synchronized (sandbox.jira()) {
                return sandbox.jira().issuesByKey.get(key);
            }
        }

        List<JiraState.Issue> tickets(String project) {
            synchronized (sandbox.jira()) {
                return sandbox.jira().issuesByKey.values().stream().filter(i -> i.projectKey.equals(project) && !i.issueTypeId.equals(ids.issueTypeId())).toList();
            }
        }

        /** Each comment's text as people read it (Data Center's wiki markup without its escapes). */
        List<String> comments(String key) {
            synchronized (sandbox.jira()) {
                return sandbox.jira().issuesByKey.get(key).comments.stream().map(c -> c.body().isTextual() ? c.body().asText() : c.body().toString())
                        .map(t -> t.replace("\\", "")).toList();
            }
        }

        long pages() {
            synchronized (sandbox.confluence()) {
                return sandbox.confluence().pages.values().stream().filter(p -> p.title.contains(":")).count();
            }
        }

        String status(String key) {
            synchronized (sandbox.jira()) {
                return sandbox.jira().statuses.get(sandbox.jira().issuesByKey.get(key).statusId).name();
            }
        }

        /** A sync now writes nothing. */
        void assertQuiet(IssueKey key, String why) {
            sandbox.log().clear();
            sync.sync(key);
            assertEquals(why + ": " + sandbox.log().apiEntries(), 0, sandbox.log().writes());
        }

        /** Runs a sync as the worker would until it goes through: each failure is a failed attempt, retried. */
        SyncResult syncRetried(IssueKey key, int attempts) throws InterruptedException {
            RuntimeException last = null;
            for (int i = 0; i < attempts; i++) {
                try {
                    return sync.sync(key);
                } catch (SyncDeferred wait) {
                    last = wait;
                    Thread.sleep(Math.max(0, Duration.between(Instant.now(), wait.notBefore()).toMillis()) + 50);
                } catch (RuntimeException e) {
                    last = e;
                }
            }
            throw last;
        }

        @Override
        public void close() {
            sandbox.close();
        }
    }

    private static String postMortem(int actions) {
        return TestPostMortems.withActions(actions);
    }

    // ---- Jira data must never be damaged --------------------------------------------------------------

    @Test
    public void publishRefusesAKeyThatNamesARemediationTicketAndLeavesItAsItWas() {
        try (Host host = new Host(Flavor.DATA_CENTER)) {
            host.publish(postMortem(1));
            JiraState.Issue task = host.tickets("OPS").get(0);
            String summary = task.text("summary");
            try {
                host.publish(postMortem(2).replace("---\ntitle:", "---\nkey: " + task.key + "\ntitle:"));
                fail("publish wrote a post-mortem over the remediation ticket " + task.key);
            } catch (RuntimeException refused) {
                assertTrue(refused.getMessage(), refused.getMessage().contains(task.key));
            }
            assertEquals("the ticket keeps its summary", summary, host.issue(task.key).text("summary"));
            assertEquals("no page for it", 1, host.pages());
        }
    }

    @Test
    public void aTaskIsNotSyncedAsAPostMortemWhateverTheCallerClaims() {
        try (Host host = new Host(Flavor.DATA_CENTER)) {
            String task;
            synchronized (host.sandbox.jira()) {
                var fields = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("summary", "Rotate the TLS certificates");
                task = host.sandbox.jira().addIssue("OPS", host.sandbox.jira().issueTypeByIdOrName("Task").orElseThrow().id(), fields, Instant.now()).key;
            }
            host.sandbox.log().clear();
            try {
                host.sync.sync(IssueKey.of(task));
                fail("a Task was synced as a post-mortem");
            } catch (RuntimeException refused) {
                assertTrue(refused.getMessage(), refused.getMessage().contains(task));
            }
            assertEquals("no page", 0, host.pages());
            assertEquals("nothing written", 0, host.sandbox.log().writes());
            assertTrue(host.issue(task).comments.isEmpty());
            assertFalse(host.issue(task).properties.containsKey(Schema.STATE_PROPERTY));
        }
    }

    // ---- owners, projects and workflows ----------------------------------------------------------------

    @Test
    public void anOwnerWhoIsNotAJiraUserGetsAnUnassignedTicketNamingThemAndAWarning() {
        try (Host host = new Host(Flavor.DATA_CENTER)) {
            IssueKey key = host.createPostMortem(postMortem(3).replace("number 1 to the checkout read path @kenji", "number 1 to the checkout read path @tomas"));
            host.sync.sync(key);
            assertEquals("every action has its ticket", 3, host.tickets("OPS").size());
            JiraState.Issue tomas = host.tickets("OPS").stream().filter(t -> t.text("summary").contains("number 1")).findFirst().orElseThrow();
            assertNull("unassigned", tomas.text("assignee"));
            assertTrue(tomas.text("description"), tomas.text("description").contains("tomas"));
            String comment = host.comments(key.value()).get(0);
            assertTrue(comment, comment.contains(tomas.key) && comment.contains("tomas"));
            host.assertQuiet(key, "and then quiet");
        }
    }

    @Test
    public void aPostMortemWhoseActionNamesAMissingProjectIsRefusedBeforeAnythingIsWritten() {
        try (Host host = new Host(Flavor.DATA_CENTER)) {
            String md = postMortem(3).replace("number 1 to the checkout read path @kenji project:OPS", "number 1 to the checkout read path @kenji project:NOPE");
            try {
                host.publish(md);
                fail("published a post-mortem whose action names a project Jira does not have");
            } catch (RuntimeException refused) {
                assertTrue(refused.getMessage(), refused.getMessage().contains("NOPE"));
            }
            assertEquals("no issue, no ticket, no page", 0, host.sandbox.log().writes());

            IssueKey key = host.createPostMortem(md);
            host.sandbox.log().clear();
            try {
                host.sync.sync(key);
                fail("synced a post-mortem whose action names a project Jira does not have");
            } catch (RuntimeException refused) {
                assertTrue(refused.getMessage(), refused.getMessage().contains("NOPE"));
            }
            assertEquals("the sync wrote nothing either", 0, host.tickets("OPS").size());
            assertEquals(0, host.pages());
        }
    }

    @Test
    public void aTickedActionReachesDoneThroughAStepwiseWorkflow() {
        try (Host host = new Host(Flavor.DATA_CENTER, Workflows.STEPWISE, HttpSettings.defaults())) {
            IssueKey key = host.createPostMortem(postMortem(2).replace("- [ ] [priority] Add replica lag guard number 0", "- [x] [priority] Add replica lag guard number 0"));
            host.sync.sync(key);
            JiraState.Issue ticked = host.tickets("OPS").stream().filter(t -> t.text("summary").contains("number 0")).findFirst().orElseThrow();
            assertEquals("To Do -> In Progress -> Done", "Done", host.status(ticked.key));
            host.assertQuiet(key, "quiet after");
        }
    }

    @Test
    public void aWorkflowWithNoWayToDoneIsToldOnceAndTheResyncIsQuiet() {
        try (Host host = new Host(Flavor.DATA_CENTER)) {
            synchronized (host.sandbox.jira()) {
                host.sandbox.jira().workflows.put("review", new JiraState.Workflow("review", List.of(
                        new JiraState.Transition("11", "Start", "3", Set.of("10000")), new JiraState.Transition("21", "Back", "10000", Set.of("3")))));
                host.sandbox.jira().projectWorkflows.put("OPS", "review");
            }
            IssueKey key = host.createPostMortem(postMortem(2));
            host.sync.sync(key);
            host.edit(key, postMortem(2).replace("- [ ] [priority] Add replica lag guard number 0", "- [x] [priority] Add replica lag guard number 0"));
            host.sync.sync(key);
            List<String> comments = host.comments(key.value());
            assertTrue(comments.toString(), comments.get(comments.size() - 1).contains("no way to a done status"));
            int told = comments.size();
            host.sandbox.log().clear();
            host.sync.sync(key);
            host.sync.sync(key);
            assertEquals("said once, then quiet", 0, host.sandbox.log().writes());
            assertEquals(told, host.comments(key.value()).size());
        }
    }

    @Test
    public void republishingAnUnchangedFileWritesNothing() {
        try (Host host = new Host(Flavor.DATA_CENTER)) {
            IssueKey key = host.publish(postMortem(3));
            String file = postMortem(3).replace("---\ntitle:", "---\nkey: " + key + "\ntitle:");
            host.sandbox.log().clear();
            host.publish(file);
            assertEquals("no PUT of the issue, no write at all: " + host.sandbox.log().apiEntries(), 0, host.sandbox.log().writes());
        }
    }

    @Test
    public void aWaiverWithAReasonIsHonouredByTheSyncAsByTheCheck() {
        try (Host host = new Host(Flavor.DATA_CENTER)) {
            String blame = "Bob caused the outage by carelessly running the import.\n\n";
            assertTrue("without the waiver the file is refused", host.publish.check(postMortem(1).replace("## Root cause\n\n", "## Root cause\n\n" + blame), "pm.md").refused());
            String md = postMortem(1).replace("## Root cause\n\n", "## Root cause\n\n<!-- hindsight-ignore blameless.*: the review asked for the name -->\n" + blame);
            assertFalse("the check honours the waiver", host.publish.check(md, "pm.md").refused());
            IssueKey key = host.createPostMortem(md);
            SyncResult r = host.sync.sync(key);
            assertFalse("the sync honours it too: " + r.report().findings(), r.blocked());
            assertEquals(1, host.tickets("OPS").size());
        }
    }

    // ---- #14: duplicates from slow creates; comments and pages after partial failures ----------------

    @Test
    public void aDuplicateTicketIsResolvedAsADuplicateOfTheOldestOnceAndThenLeftAlone() {
        try (Host host = new Host(Flavor.DATA_CENTER)) {
            IssueKey key = host.createPostMortem(postMortem(2));
            host.sync.sync(key);
            JiraState.Issue kept = host.tickets("OPS").get(0);
            // the slow original of a retried create lands: a second ticket carrying the same action id, linked the same way
            String dup;
            synchronized (host.sandbox.jira()) {
                JiraState s = host.sandbox.jira();
                JiraState.Issue d = s.addIssue("OPS", kept.issueTypeId, kept.fields.deepCopy(), Instant.now());
                d.properties.putAll(kept.properties);
                String link = s.linkTypeByName(host.ids.linkTypeName()).orElseThrow().id();
                s.links.add(new JiraState.Link(s.nextId(), link, d.key, key.value()));
                dup = d.key;
            }
            host.sync.sync(key);
            assertEquals("the duplicate is resolved", "Done", host.status(dup));
            synchronized (host.sandbox.jira()) {
                JiraState s = host.sandbox.jira();
                String duplicate = s.linkTypeByName("Duplicate").orElseThrow().id();
                assertTrue("and linked to the ticket kept", s.links.stream().anyMatch(l -> l.typeId().equals(duplicate)
                        && l.fromKey().equals(dup) && l.toKey().equals(kept.key)));
            }
            assertEquals("the kept one is untouched", "To Do", host.status(kept.key));
            List<String> comments = host.comments(key.value());
            assertTrue(comments.toString(), comments.get(comments.size() - 1).contains(dup));
            host.assertQuiet(key, "said once, then quiet");
        }
    }

    @Test
    public void aBulkCreateThatOutlivesTheClientTimeoutMakesNoDuplicates() throws Exception {
        HttpSettings impatient = HttpSettings.defaults().withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(700))
                .withRetries(3, Duration.ofMillis(5), Duration.ofMillis(20), Duration.ofSeconds(5));
        try (Host host = new Host(Flavor.DATA_CENTER, Workflows.SIMPLIFIED, impatient)) {
            // a real clock, and a window of a few seconds to match the short client timeout
            host.clock = Clock.systemUTC();
            host.window = Duration.ofSeconds(3);
            host.wire();
            IssueKey key = host.createPostMortem(postMortem(5));
            host.sandbox.faults().add(Faults.Rule.latency("POST /rest/api/2/issue/bulk", 1500, 1));
            try {
                host.sync.sync(key);
                fail("the create outlived the client's timeout");
            } catch (RuntimeException timedOut) {
                // the answer never came; the create goes on at Jira
            }
            // the worker retries at once, and again a little later
            for (int i = 0; i < 3; i++) {
                try {
                    host.sync.sync(key);
                } catch (RuntimeException deferred) {
                    // an attempt may be told to wait while the first create can still land
                }
                Thread.sleep(600);
            }
            Thread.sleep(1500);
            host.syncRetried(key, 5);
            Map<String, Integer> perAction = new HashMap<>();
            for (JiraState.Issue t : host.tickets("OPS")) {
                if (host.status(t.key).equals("Done")) continue;
                t.labels().stream().filter(l -> l.startsWith(Schema.ACTION_LABEL_PREFIX)).forEach(l -> perAction.merge(l, 1, Integer::sum));
            }
            assertEquals("five actions", 5, perAction.size());
            assertTrue("one open ticket per action: " + perAction, perAction.values().stream().allMatch(n -> n == 1));
        }
    }

    @Test
    public void aCommentRefusedWithA503IsToldByTheNextSyncOnceAndNamesEveryTicket() {
        try (Host host = new Host(Flavor.DATA_CENTER)) {
            IssueKey key = host.createPostMortem(postMortem(4));
            host.sandbox.faults().add(Faults.Rule.status("POST /rest/api/2/issue/" + key + "/comment", 503, 1));
            try {
                host.sync.sync(key);
            } catch (RuntimeException refused) {
                // the comment was refused
            }
            host.sync.sync(key);
            List<String> comments = host.comments(key.value());
            assertEquals("one comment: " + comments, 1, comments.size());
            assertTrue(comments.get(0), comments.get(0).contains("Created 4 remediation ticket(s)"));
            host.sandbox.log().clear();
            host.sync.sync(key);
            assertEquals(0, host.sandbox.log().writes());
        }
    }

    @Test
    public void ticketsMadeBeforeACrashAreToldByTheCommentOfTheSyncThatFinishes() throws Exception {
        try (Host host = new Host(Flavor.DATA_CENTER)) {
            IssueKey key = host.createPostMortem(postMortem(4));
            host.sandbox.faults().add(Faults.Rule.status("POST /rest/api/content", 500, 1));
            try {
                host.sync.sync(key);
                fail("the page create failed");
            } catch (RuntimeException crashed) {
                // tickets made, page not
            }
            host.syncRetried(key, 3);
            List<String> comments = host.comments(key.value());
            assertEquals("one comment: " + comments, 1, comments.size());
            assertTrue(comments.get(0), comments.get(0).contains("Created 4 remediation ticket(s)"));
            assertTrue(comments.get(0), comments.get(0).contains("Created the Confluence page"));
        }
    }

    @Test
    public void aPageWriteWhoseAnswerWasLostIsRecognisedNotTakenForAHandEdit() throws Exception {
        try (Host host = new Host(Flavor.DATA_CENTER)) {
            IssueKey key = host.createPostMortem(postMortem(2));
            SyncResult first = host.sync.sync(key);
            host.edit(key, postMortem(3));
            host.sandbox.faults().add(Faults.Rule.lostAnswerOnNth("PUT /rest/api/content/.*", 1));
            try {
                host.sync.sync(key);
            } catch (RuntimeException lost) {
                // the page was written; its answer never came
            }
            host.syncRetried(key, 3);
            synchronized (host.sandbox.confluence()) {
                assertEquals("one write of the page, not a rewrite", 2, host.sandbox.confluence().pages.get(first.pageId()).versions.size());
            }
            List<String> comments = host.comments(key.value());
            String last = comments.get(comments.size() - 1);
            assertFalse(last, last.contains("edited by hand"));
            assertEquals("one comment for the first sync, one for the change: " + comments, 2, comments.size());
        }
    }

    @SuppressWarnings("unused")
    private static List<String> keys(List<JiraState.Issue> issues) {
        List<String> out = new ArrayList<>();
        issues.forEach(i -> out.add(i.key));
        return out;
    }

    private static PostMortem read(String md) {
        return new MarkdownReader(POLICY.actionClasses()).read(md, "pm.md").postMortem();
    }
}
