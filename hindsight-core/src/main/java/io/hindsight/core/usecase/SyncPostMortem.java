package io.hindsight.core.usecase;

import io.hindsight.core.lint.Checker;
import io.hindsight.core.lint.LintReport;
import io.hindsight.core.markdown.MarkdownReader;
import io.hindsight.core.markdown.ParsedPostMortem;
import io.hindsight.core.model.ActionItem;
import io.hindsight.core.model.IssueKey;
import io.hindsight.core.model.PostMortem;
import io.hindsight.core.model.RemediationTicket;
import io.hindsight.core.model.State;
import io.hindsight.core.model.SyncState;
import io.hindsight.core.plan.DesiredTicket;
import io.hindsight.core.plan.RemediationPlan;
import io.hindsight.core.plan.RemediationPlanner;
import io.hindsight.core.port.CreatedTicket;
import io.hindsight.core.port.Page;
import io.hindsight.core.port.PostMortemStore;
import io.hindsight.core.port.TicketChange;
import io.hindsight.core.port.TicketTracker;
import io.hindsight.core.port.WikiPages;
import io.hindsight.core.render.PostMortemRenderer;
import io.hindsight.core.render.RenderContext;
import io.hindsight.core.sync.News;
import io.hindsight.core.sync.NotAPostMortem;
import io.hindsight.core.sync.PageDecision;
import io.hindsight.core.sync.Preflight;
import io.hindsight.core.sync.Reconciler;
import io.hindsight.core.sync.Reconciliation;
import io.hindsight.core.sync.SyncComment;
import io.hindsight.core.sync.SyncDeferred;
import io.hindsight.core.sync.SyncException;
import io.hindsight.core.sync.SyncResult;
import io.hindsight.core.sync.TicketStatuses;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps a post-mortem's remediation tickets and wiki page in step with the post-mortem issue. A sync reads
 * as its steps: load, analyse, plan, check, reconcile, publish, tell, remember; each takes what the one before gave.
 * Nothing is written before the check has passed, and every step is idempotent, so a crash, a retry or a
 * repeated webhook converges on the same end state, told in one comment.
 */
public final class SyncPostMortem {
    /** How long a create that got no answer may still land, by default: twice a client's usual 60 s timeout and more. */
    public static final Duration UNSETTLED_WINDOW = Duration.ofMinutes(3);

    /**
     * Site settings the sync needs for links, labels and owners.
     *
     * @param jiraServerName, jiraServerId the wiki's application link to Jira for the Jira Issues macro; null: its default
     * @param users           the team's map of owner handles to Jira users ({@code users:} in hindsight.yaml)
     * @param unsettledWindow after a create of tickets got no answer, how long no sync creates tickets for that post-mortem
     */
    public record Settings(String jiraBaseUrl, String jiraServerName, String jiraServerId, List<String> pageLabels,
                           Map<String, String> users, Duration unsettledWindow) {
        public Settings {
            pageLabels = List.copyOf(pageLabels);
            users = users == null ? Map.of() : Map.copyOf(users);
            unsettledWindow = unsettledWindow == null ? UNSETTLED_WINDOW : unsettledWindow;
        }

        public Settings(String jiraBaseUrl, String jiraServerName, String jiraServerId, List<String> pageLabels) {
            this(jiraBaseUrl, jiraServerName, jiraServerId, pageLabels, Map.of(), UNSETTLED_WINDOW);
        }

        public Settings withUsers(Map<String, String> map) {
            return new Settings(jiraBaseUrl, jiraServerName, jiraServerId, pageLabels, map, unsettledWindow);
        }

        public Settings withUnsettledWindow(Duration window) {
            return new Settings(jiraBaseUrl, jiraServerName, jiraServerId, pageLabels, users, window);
        }
    }

    private static final String SYNCED_NOTE = "Synced by Hindsight";
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private final PostMortemStore store;
    private final TicketTracker tracker;
    private final WikiPages wiki;
    private final Checker checker;
    private final RemediationPlanner planner;
    private final PostMortemRenderer renderer;
    private final Settings settings;
    private final Clock clock;
    private final Owners owners;
    private final MarkdownReader reader;
    private final MissingTickets missing;

    public SyncPostMortem(PostMortemStore store, TicketTracker tracker, WikiPages wiki, Checker checker, RemediationPlanner planner,
                          PostMortemRenderer renderer, Settings settings, Clock clock) {
        this.store = store;
        this.tracker = tracker;
        this.wiki = wiki;
        this.checker = checker;
        this.planner = planner;
        this.renderer = renderer;
        this.settings = settings;
        this.clock = clock;
        this.owners = new Owners(settings.users(), tracker);
        this.reader = new MarkdownReader(planner.policy().actionClasses());
        this.missing = new MissingTickets(store, tracker, owners, clock, settings.unsettledWindow());
    }

    /**
     * Syncs a post-mortem issue, whoever asked (a webhook, the API, the CLI): it is read from the tracker and
     * refused unless the tracker says it is a post-mortem.
     *
     * @throws NotAPostMortem when the issue is a remediation ticket or another kind of issue; nothing is written
     * @throws SyncDeferred   when a create of tickets that got no answer may still land; nothing is written
     * @throws SyncException  when the post-mortem cannot be synced as it is; the message says what to fix
     */
    public SyncResult sync(IssueKey key) {
        PostMortemStore.Stored stored = store.load(key)
                .orElseThrow(() -> new SyncException("post-mortem " + key + " does not exist or this account cannot see it"));
        return run(new Loaded(postMortem(stored), tracker.tickets(key), Set.of()), false);
    }

    /**
     * Syncs a post-mortem {@link PublishPostMortem} has just written: the issue as the store now holds it is known,
     * so it is not read again; an issue created just now has neither tickets nor comments to look for; and the
     * projects the publish checked are not asked about again.
     */
    public SyncResult syncWritten(PublishPostMortem.Written written) {
        PostMortemStore.Stored stored = postMortem(written.stored());
        return run(new Loaded(stored, written.created() ? List.of() : tracker.tickets(stored.key()), written.checkedProjects()), written.created());
    }

    /** The issue, if it is a post-mortem; the refusal says what it is instead. */
    static PostMortemStore.Stored postMortem(PostMortemStore.Stored stored) {
        if (stored.isPostMortem()) return stored;
        String what = stored.kind() == PostMortemStore.Kind.REMEDIATION_TICKET
                ? "one of Hindsight's remediation tickets (a " + stored.issueType() + ")" : "a " + stored.issueType();
        throw new NotAPostMortem(stored.key(), stored.key() + " is " + what + ", not a post-mortem: Hindsight syncs and writes only issues of the post-mortem type. "
                + "Nothing was written to it.");
    }

    private SyncResult run(Loaded loaded, boolean fresh) {
        Analysed analysed = analyse(loaded);
        if (analysed.blocked()) return remember(tell(new Blocked(analysed), fresh));
        return remember(tell(publish(reconcile(check(plan(analysed)))), fresh));
    }

    // ---- the values the steps hand on ---------------------------------------------------------------

    /**
     * The issue as loaded (or as just written), with its tickets.
     *
     * @param checkedProjects projects already known to take tickets (checked by the publish that wrote the issue)
     */
    record Loaded(PostMortemStore.Stored stored, List<RemediationTicket> tickets, Set<String> checkedProjects) {
        IssueKey key() {
            return stored.key();
        }

        SyncState state() {
            return stored.state();
        }
    }

    /** The post-mortem checked; {@code postMortem} carries the approval date once one is due. */
    record Analysed(Loaded loaded, PostMortem postMortem, LintReport report) {
        boolean blocked() {
            return report.hasErrors();
        }
    }

    record Planned(Analysed analysed, RemediationPlan plan) {
    }

    /**
     * The plan held against the tickets, owners resolved, projects checked: what the writes will be.
     *
     * @param notReassigned tickets whose action names an owner Jira has no user for, by that owner: they keep their assignee
     */
    record Checked(Planned planned, Reconciliation reconciliation, Map<String, String> notReassigned) {
    }

    /**
     * What reconciling wrote.
     *
     * @param state      the state as the tracker now holds it (an outbox or an unsettled create may have been written)
     * @param created    tickets created by this attempt
     * @param unassigned tickets created without an assignee, by the owner their action names
     * @param updated    changes applied to existing tickets
     * @param moved      where the tickets this attempt moved toward done ended, by key
     * @param healed     duplicates resolved by this attempt, with where they ended
     * @param postMortem the post-mortem with each action's ticket key, so the page links them
     */
    record Reconciled(Checked checked, SyncState state, List<CreatedTicket> created, Map<String, String> unassigned, List<TicketChange> updated,
                      Map<String, TicketTracker.Moved> moved, Map<String, News.Healed> healed, Set<String> refusedOwners, PostMortem postMortem) {
        Loaded loaded() {
            return checked.planned().analysed().loaded();
        }
    }

    /** Where a sync ended before telling: stopped by the checker, or published. */
    sealed interface Outcome permits Blocked, Published {
        Analysed analysed();
    }

    record Blocked(Analysed analysed) implements Outcome {
    }

    /** @param saved the page as the wiki holds it now; null when the state alone showed nothing to write */
    record Published(Reconciled reconciled, PageDecision page, Page saved, String renderedHash) implements Outcome {
        public Analysed analysed() {
            return reconciled.checked().planned().analysed();
        }
    }

    // ---- analyse -----------------------------------------------------------------------------------

    /**
     * Checks the post-mortem, with the waivers its fields hold. One that reached an approved state (approved,
     * published, closed) with no approval date gets today's, written back once: due dates count from approval,
     * and without a date they would count from a stand-in that moves when someone fills it in later.
     */
    Analysed analyse(Loaded loaded) {
        PostMortem pm = loaded.stored().postMortem();
        // read again from the Markdown the fields hold, for the lines a waiver there covers
        ParsedPostMortem fields = reader.read(loaded.stored().markdown(), loaded.key().value());
        LintReport report = LintPostMortem.checkFields(checker, pm, fields);
        if (report.hasErrors() || pm.approved() != null || pm.state() == null || pm.state().ordinal() < State.APPROVED.ordinal()) {
            return new Analysed(loaded, pm, report);
        }
        LocalDate today = LocalDate.now(clock);
        store.recordApproval(loaded.key(), today);
        return new Analysed(loaded, pm.withApproved(today), report);
    }

    // ---- plan --------------------------------------------------------------------------------------

    Planned plan(Analysed analysed) {
        return new Planned(analysed, planner.plan(analysed.postMortem(), LocalDate.now(clock), issueUrl(analysed.loaded().key())));
    }

    // ---- check -------------------------------------------------------------------------------------

    /**
     * Holds the plan against the tickets (owners looked up where the tracker needs it) and checks, before
     * anything is written, that every ticket to create can be created: its project exists and offers the
     * ticket's issue type. A post-mortem that fails is refused whole.
     */
    Checked check(Planned planned) {
        Loaded loaded = planned.analysed().loaded();
        List<String> refused = loaded.state().unknownOwners();
        Reconciliation r = new Reconciler(handle -> owners.assignee(handle, refused)).reconcile(planned.plan(), loaded.tickets());
        // a ticket given to another owner: looked up first (Jira would refuse the whole edit for a name it does not know)
        Map<String, String> notReassigned = new LinkedHashMap<>();
        List<TicketChange> updates = new ArrayList<>();
        for (TicketChange c : r.toUpdate()) {
            String handle = c.owner() == null ? null : planned.plan().tickets().stream().filter(d -> d.actionId().equals(c.actionId()))
                    .map(DesiredTicket::owner).filter(Objects::nonNull).findFirst().orElse(null);
            if (handle != null && owners.find(handle).isEmpty()) {
                notReassigned.put(c.ticketKey(), handle);
                updates.add(new TicketChange(c.ticketKey(), c.actionId(), c.summary(), null, c.due(), c.priority(), c.addLabels(), c.markDone()));
            } else {
                updates.add(c);
            }
        }
        r = r.withUpdates(updates.stream().filter(c -> c.fieldsChange() || c.markDone()).toList());
        Set<String> ask = new LinkedHashSet<>(Preflight.projects(r.toCreate()));
        ask.removeAll(loaded.checkedProjects());
        if (!r.toCreate().isEmpty()) {
            Map<String, TicketTracker.Project> projects = new HashMap<>(ask.isEmpty() ? Map.of() : tracker.projects(ask));
            loaded.checkedProjects().forEach(p -> projects.put(p, new TicketTracker.Project(p, true, List.of(io.hindsight.core.port.Schema.TICKET_TYPE))));
            List<Preflight.Problem> problems = Preflight.check(r.toCreate(), projects);
            if (!problems.isEmpty()) throw new SyncException(Preflight.refusal(loaded.key().value(), problems));
        }
        return new Checked(planned, r, notReassigned);
    }

    // ---- reconcile ---------------------------------------------------------------------------------

    /** Creates the missing tickets, closes those ticked off, updates what changed, resolves duplicates; never deletes. */
    Reconciled reconcile(Checked checked) {
        Loaded loaded = checked.planned().analysed().loaded();
        Reconciliation r = checked.reconciliation();
        SyncState state = loaded.state();
        Map<String, String> unassigned = new LinkedHashMap<>();
        Set<String> refusedOwners = new LinkedHashSet<>();
        checked.notReassigned().values().forEach(handle -> refusedOwners.add(owners.name(handle)));
        List<CreatedTicket> created = missing.create(loaded.key(), state, r.toCreate(), unassigned, refusedOwners);
        Map<String, TicketTracker.Moved> moved = new LinkedHashMap<>();
        closeDoneOnes(r.toCreate(), created, moved);

        List<TicketChange> updates = updatesToMake(r, state);
        if (!updates.isEmpty()) {
            // the outbox: what these writes do cannot be seen by a later sync, so it is remembered before they are made
            state = state.plusOutbox(outboxLines(updates));
            store.saveState(loaded.key(), state);
        }
        for (TicketChange c : updates) {
            if (c.fieldsChange()) tracker.update(c);
            if (c.markDone()) moved.put(c.ticketKey(), tracker.moveToDone(IssueKey.of(c.ticketKey())));
        }

        Map<String, News.Healed> healed = new LinkedHashMap<>();
        for (RemediationTicket d : r.duplicates()) {
            if (state.healed().contains(d.key())) continue;
            String kept = r.duplicateOf().get(d.key());
            // one already done was resolved by an attempt that stopped before telling (or by a person): told, not touched
            TicketTracker.Moved m = d.done() ? new TicketTracker.Moved(true, d.status()) : tracker.markDuplicate(IssueKey.of(d.key()), IssueKey.of(kept));
            healed.put(d.key(), new News.Healed(kept, m.done(), m.status()));
        }
        return new Reconciled(checked, state, created, unassigned, updates, moved, healed, refusedOwners,
                withTicketKeys(checked.planned().analysed().postMortem(), r, created));
    }

    /** The changes to make: moving a ticket whose workflow showed no way to done from where it still is, is not tried again. */
    private static List<TicketChange> updatesToMake(Reconciliation r, SyncState state) {
        Map<String, RemediationTicket> byKey = new HashMap<>();
        r.matched().forEach(m -> byKey.put(m.existing().key(), m.existing()));
        List<TicketChange> out = new ArrayList<>();
        for (TicketChange c : r.toUpdate()) {
            RemediationTicket t = byKey.get(c.ticketKey());
            boolean stuck = c.markDone() && t != null && stuckIn(state, t);
            TicketChange change = stuck ? new TicketChange(c.ticketKey(), c.actionId(), c.summary(), c.owner(), c.due(), c.priority(), c.addLabels(), false) : c;
            if (change.fieldsChange() || change.markDone()) out.add(change);
        }
        return out;
    }

    private static boolean stuckIn(SyncState state, RemediationTicket t) {
        return state.stuck().containsKey(t.key()) && state.stuck().get(t.key()).equals(Objects.requireNonNullElse(t.status(), ""));
    }

    private static List<String> outboxLines(List<TicketChange> updates) {
        List<String> out = new ArrayList<>();
        for (TicketChange c : updates) {
            if (c.fieldsChange()) out.add("updated:" + c.ticketKey());
            if (c.markDone()) out.add("done:" + c.ticketKey());
        }
        return out;
    }

    /** An action ticked off before its ticket existed gets a ticket that is done too. */
    private void closeDoneOnes(List<DesiredTicket> toCreate, List<CreatedTicket> created, Map<String, TicketTracker.Moved> moved) {
        Map<String, String> keys = new HashMap<>();
        created.forEach(c -> keys.put(c.actionId(), c.key()));
        for (DesiredTicket d : toCreate) {
            if (d.done() && keys.containsKey(d.actionId())) moved.put(keys.get(d.actionId()), tracker.moveToDone(IssueKey.of(keys.get(d.actionId()))));
        }
    }

    private static PostMortem withTicketKeys(PostMortem pm, Reconciliation r, List<CreatedTicket> created) {
        Map<String, String> keys = new HashMap<>();
        r.matched().forEach(m -> keys.put(m.desired().actionId(), m.existing().key()));
        created.forEach(c -> keys.put(c.actionId(), c.key()));
        List<ActionItem> items = new ArrayList<>();
        for (ActionItem a : pm.actionItems()) items.add(keys.containsKey(a.id()) ? a.withTicket(keys.get(a.id())) : a);
        return pm.withActionItems(items);
    }

    // ---- publish -----------------------------------------------------------------------------------

    /**
     * Renders the page and writes it when its content would change or someone edited it by hand. A page that
     * already holds what would be written (a write whose answer was lost) is recognised and left as it is.
     */
    Published publish(Reconciled reconciled) {
        Loaded loaded = reconciled.loaded();
        Planned planned = reconciled.checked().planned();
        String storage = renderer.render(PostMortemRenderer.Format.CONFLUENCE, reconciled.postMortem(), planned.plan(), renderContext(reconciled));
        String renderedHash = PageDecision.hash(storage);
        SyncState state = loaded.state();
        Optional<PageDecision> unchanged = PageDecision.unchangedByState(renderedHash, state);
        if (unchanged.isPresent()) return new Published(reconciled, unchanged.get(), null, renderedHash);

        String title = loaded.key() + ": " + reconciled.postMortem().title();
        Optional<Page> current = state.pageId() != null ? wiki.page(state.pageId()) : Optional.empty();
        PageDecision decision = PageDecision.decide(renderedHash, state, current);
        Page saved;
        if (decision.action() == PageDecision.Action.CREATE) {
            WikiPages.Creation creation = wiki.create(title, storage, settings.pageLabels());
            saved = creation.page();
            if (creation.existed()) {
                // the title was taken: an earlier publish made the page and stopped before remembering it
                decision = PageDecision.decide(renderedHash, SyncState.NONE, Optional.of(saved));
                if (decision.action() == PageDecision.Action.UPDATE) saved = wiki.update(saved.id(), title, storage, decision.newVersion(), SYNCED_NOTE);
            }
        } else if (decision.action() == PageDecision.Action.UPDATE) {
            saved = wiki.update(decision.pageId(), title, storage, decision.newVersion(), SYNCED_NOTE);
        } else {
            saved = current.orElseThrow();
        }
        return new Published(reconciled, decision, saved, renderedHash);
    }

    private RenderContext renderContext(Reconciled reconciled) {
        Reconciliation r = reconciled.checked().reconciliation();
        Map<String, RenderContext.TicketStatus> statuses = new HashMap<>();
        r.matched().forEach(m -> statuses.put(m.existing().key(), TicketStatuses.of(m.existing().done() || movedToDone(reconciled, m.existing().key()))));
        reconciled.created().forEach(c -> statuses.put(c.key(), TicketStatuses.of(movedToDone(reconciled, c.key()))));
        return new RenderContext(settings.jiraBaseUrl(), settings.jiraServerName(), settings.jiraServerId(), null, LocalDate.now(clock), statuses);
    }

    /** Whether this sync moved the ticket to done. */
    private static boolean movedToDone(Reconciled reconciled, String key) {
        TicketTracker.Moved m = reconciled.moved().get(key);
        return m != null && m.done();
    }

    // ---- tell --------------------------------------------------------------------------------------

    /**
     * Tells in one comment what changed since the last comment (whichever attempt changed it) and what the
     * checker newly says, then remembers what was told. The comment comes before the state: a comment that
     * fails leaves the news to the next attempt. A comment an earlier attempt may already have made (its answer
     * lost, or the sync stopped right after it) is looked for by its mark first, so it is never made twice.
     */
    /** What the tell step said, and the state to remember after it: the comment comes first, so a state saved means it was told. */
    record Told(IssueKey key, SyncResult result, SyncState before, SyncState remembered) {
    }

    Told tell(Outcome outcome, boolean fresh) {
        Loaded loaded = outcome.analysed().loaded();
        LintReport report = outcome.analysed().report();
        String findings = SyncComment.findings(report);
        String reportHash = findings.isEmpty() ? null : PageDecision.hash(findings);
        boolean newFindings = reportHash != null && !reportHash.equals(loaded.state().reportHash());

        SyncResult result;
        SyncState before;
        SyncState remembered;
        News news;
        String text;
        if (outcome instanceof Blocked) {
            before = loaded.state();
            remembered = before.withReportHash(reportHash);
            news = News.NONE;
            result = SyncResult.blocked(loaded.key().value(), report, before.pageId());
            text = newFindings ? SyncComment.blocked(report, findings) : null;
        } else {
            Published p = (Published) outcome;
            Reconciled rec = p.reconciled();
            before = rec.state();
            news = news(p);
            remembered = remembered(p).withReportHash(reportHash);
            Reconciliation r = rec.checked().reconciliation();
            result = new SyncResult(loaded.key().value(), report, false, rec.created(), rec.updated(), r.orphans(), r.duplicates(), p.page(),
                    remembered.pageId(), news, false);
            text = news.isEmpty() && !newFindings ? null : SyncComment.text(news, r.orphans(), findings);
        }
        if (text != null) {
            String mark = PageDecision.hash(text);
            // only an attempt that may not be the first to tell this looks for its comment: the others know it is not there
            boolean mayBeTold = !fresh && (news.earlier() || news.isEmpty());
            if (!(mayBeTold && store.commented(loaded.key(), mark))) store.comment(loaded.key(), text, mark);
            result = result.withComment(news);
        }
        return new Told(loaded.key(), result, before, remembered);
    }

    /** Saves Hindsight's state on the post-mortem when it changed: a re-sync with nothing new writes nothing. */
    SyncResult remember(Told told) {
        if (!told.remembered().equals(told.before())) store.saveState(told.key(), told.remembered());
        return told.result();
    }

    /**
     * Every change since the last comment: what this attempt did, and what earlier attempts did and did not
     * tell (tickets the state has not named, a page newer than the one told, the outbox).
     */
    private News news(Published p) {
        Reconciled rec = p.reconciled();
        Loaded loaded = rec.loaded();
        SyncState told = loaded.state();
        boolean earlier = !told.outbox().isEmpty();

        List<String> created = new ArrayList<>();
        Set<String> createdNow = new LinkedHashSet<>();
        rec.created().forEach(c -> createdNow.add(c.key()));
        if (told.toldTickets() != null) {
            for (RemediationTicket t : loaded.tickets()) {
                if (told.toldTickets().contains(t.key()) || rec.checked().reconciliation().duplicates().contains(t)) continue;
                created.add(t.key());
                earlier = true;
            }
        }
        created.addAll(createdNow);

        Set<String> updated = new LinkedHashSet<>();
        Set<String> closed = new LinkedHashSet<>();
        for (String line : told.outbox()) {
            if (line.startsWith("updated:")) updated.add(line.substring("updated:".length()));
            if (line.startsWith("done:")) closed.add(line.substring("done:".length()));
        }
        for (TicketChange c : rec.updated()) {
            if (c.fieldsChange()) updated.add(c.ticketKey());
        }
        Map<String, String> stuck = new LinkedHashMap<>();
        rec.moved().forEach((key, m) -> {
            if (m.done()) {
                if (!createdNow.contains(key)) closed.add(key);
            } else if (!Objects.requireNonNullElse(m.status(), "").equals(told.stuck().get(key))) {
                stuck.put(key, m.status());
            }
        });
        closed.removeAll(stuck.keySet());
        for (RemediationTicket d : rec.checked().reconciliation().duplicates()) {
            if (d.done() && rec.healed().containsKey(d.key())) earlier = true;
        }

        News.Page page = null;
        Page saved = p.saved();
        if (saved != null) {
            if (told.pageId() == null || !saved.id().equals(told.pageId())) {
                page = new News.Page(true, saved.id(), 0);
            } else if (saved.version() > told.pageVersion()) {
                // versions between the one told and Hindsight's write were someone else's
                page = new News.Page(false, saved.id(), saved.version() - 1 > told.pageVersion() ? saved.version() - 1 : 0);
            }
            if (page != null && p.page().action() == PageDecision.Action.UNCHANGED) earlier = true;
        }
        return new News(created, rec.unassigned(), rec.checked().notReassigned(), List.copyOf(updated), List.copyOf(closed), page, stuck, rec.healed(), earlier);
    }

    /** The state after this sync: the page, the tickets told, nothing left in the outbox, what is stuck or resolved. */
    private SyncState remembered(Published p) {
        Reconciled rec = p.reconciled();
        Loaded loaded = rec.loaded();
        SyncState state = rec.state();
        if (p.saved() != null) state = state.withPage(p.saved().id(), p.renderedHash(), PageDecision.hash(p.saved().storage()), p.saved().version());
        List<String> told = new ArrayList<>();
        loaded.tickets().forEach(t -> told.add(t.key()));
        rec.created().forEach(c -> told.add(c.key()));

        Map<String, String> stuck = new LinkedHashMap<>();
        for (RemediationTicket t : loaded.tickets()) {
            // still where it was stuck: remembered; moved on (by a person): tried again next time
            if (stuckIn(loaded.state(), t) && !t.done() && !rec.moved().containsKey(t.key())) stuck.put(t.key(), loaded.state().stuck().get(t.key()));
        }
        rec.moved().forEach((key, m) -> {
            if (!m.done()) stuck.put(key, Objects.requireNonNullElse(m.status(), ""));
        });
        Set<String> healed = new LinkedHashSet<>(loaded.state().healed());
        healed.addAll(rec.healed().keySet());
        healed.retainAll(told);
        // in key order, whatever order the tracker listed them in: an unchanged state must compare equal, or a re-sync would write
        return state.withToldTickets(byKey(told)).withOutbox(List.of()).withUnsettledUntil(null).withStuck(stuck).withHealed(byKey(healed))
                .withUnknownOwners(MissingTickets.union(state.unknownOwners(), rec.refusedOwners()).stream().sorted().toList());
    }

    private static List<String> byKey(java.util.Collection<String> keys) {
        return keys.stream().distinct().sorted(java.util.Comparator.comparing(k -> IssueKey.isKey(k) ? IssueKey.of(k) : null,
                java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()))).toList();
    }

    private String issueUrl(IssueKey key) {
        return settings.jiraBaseUrl() == null ? null : settings.jiraBaseUrl().replaceAll("/+$", "") + "/browse/" + key;
    }
}
