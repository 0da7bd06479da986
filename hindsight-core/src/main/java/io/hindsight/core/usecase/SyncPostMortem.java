package io.hindsight.core.usecase;

import io.hindsight.core.lint.Checker;
import io.hindsight.core.lint.LintReport;
import io.hindsight.core.markdown.SourceMap;
import io.hindsight.core.model.ActionItem;
import io.hindsight.core.model.IssueKey;
import io.hindsight.core.model.PostMortem;
import io.hindsight.core.model.State;
import io.hindsight.core.model.SyncState;
import io.hindsight.core.model.TrackedPostMortem;
import io.hindsight.core.plan.DesiredTicket;
import io.hindsight.core.plan.RemediationPlan;
import io.hindsight.core.plan.RemediationPlanner;
import io.hindsight.core.port.CreatedTicket;
import io.hindsight.core.port.CreatedTickets;
import io.hindsight.core.port.Page;
import io.hindsight.core.port.PostMortemStore;
import io.hindsight.core.port.TicketChange;
import io.hindsight.core.port.TicketTracker;
import io.hindsight.core.port.WikiPages;
import io.hindsight.core.render.PostMortemRenderer;
import io.hindsight.core.render.RenderContext;
import io.hindsight.core.sync.PageDecision;
import io.hindsight.core.sync.Reconciler;
import io.hindsight.core.sync.Reconciliation;
import io.hindsight.core.sync.SyncComment;
import io.hindsight.core.sync.SyncException;
import io.hindsight.core.sync.SyncResult;
import io.hindsight.core.sync.TicketStatuses;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps a post-mortem's remediation tickets and wiki page in step with the post-mortem issue. A sync reads
 * as its steps: load, analyse, plan, reconcile, publish, remember, tell; each takes what the one before
 * gave. Every step is idempotent, so a crash, a retry or a repeated webhook converges on the same end state.
 */
public final class SyncPostMortem {
    /**
     * Site settings the sync needs for links and labels.
     *
     * @param jiraServerName, jiraServerId the wiki's application link to Jira for the Jira Issues macro; null: its default
     */
    public record Settings(String jiraBaseUrl, String jiraServerName, String jiraServerId, List<String> pageLabels) {
        public Settings {
            pageLabels = List.copyOf(pageLabels);
        }
    }

    private final PostMortemStore store;
    private final TicketTracker tracker;
    private final WikiPages wiki;
    private final Checker checker;
    private final RemediationPlanner planner;
    private final PostMortemRenderer renderer;
    private final Settings settings;
    private final Clock clock;

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
    }

    /** @throws SyncException when the post-mortem cannot be synced as it is; the message says what to fix */
    public SyncResult sync(IssueKey key) {
        Analysed analysed = analyse(load(key));
        Outcome outcome = analysed.blocked() ? new Blocked(analysed) : publish(reconcile(plan(analysed)));
        return tell(remember(outcome));
    }

    // ---- the values the steps hand on ---------------------------------------------------------------

    /** The post-mortem checked; {@code postMortem} carries the approval date once one is due. */
    record Analysed(TrackedPostMortem loaded, PostMortem postMortem, LintReport report) {
        boolean blocked() {
            return report.hasErrors();
        }
    }

    record Planned(Analysed analysed, RemediationPlan plan) {
    }

    /** @param postMortem the post-mortem with each action's ticket key, so the page links them */
    record Reconciled(Planned planned, Reconciliation reconciliation, List<CreatedTicket> created, PostMortem postMortem) {
    }

    /** Where a sync ended before remembering: stopped by the checker, or published. */
    sealed interface Outcome permits Blocked, Published {
        Analysed analysed();

        /** The state to remember, before the report's hash is added. */
        SyncState state();

        SyncResult result();
    }

    record Blocked(Analysed analysed) implements Outcome {
        public SyncState state() {
            return analysed.loaded().state();
        }

        public SyncResult result() {
            return SyncResult.blocked(analysed.loaded().key().value(), analysed.report(), state().pageId());
        }
    }

    record Published(Reconciled reconciled, PageDecision page, SyncState state) implements Outcome {
        public Analysed analysed() {
            return reconciled.planned().analysed();
        }

        public SyncResult result() {
            Reconciliation r = reconciled.reconciliation();
            return new SyncResult(analysed().loaded().key().value(), analysed().report(), false, reconciled.created(), r.toUpdate(), r.orphans(),
                    r.duplicates(), page, state.pageId(), false);
        }
    }

    /** @param findings what the checker says, as the comment would put it; {@code newFindings}: not said before */
    record Remembered(Outcome outcome, String findings, boolean newFindings) {
    }

    // ---- load --------------------------------------------------------------------------------------

    /** The post-mortem, Hindsight's state and the tickets: two reads. */
    TrackedPostMortem load(IssueKey key) {
        PostMortemStore.Stored stored = store.load(key)
                .orElseThrow(() -> new SyncException("post-mortem " + key + " does not exist or this account cannot see it"));
        return new TrackedPostMortem(key, stored.postMortem(), stored.state(), tracker.tickets(key));
    }

    // ---- analyse -----------------------------------------------------------------------------------

    /**
     * Checks the post-mortem. One that reached an approved state (approved, published, closed) with no
     * approval date gets today's, written back once: due dates count from approval, and without a date they
     * would count from a stand-in that moves when someone fills it in later.
     */
    Analysed analyse(TrackedPostMortem loaded) {
        PostMortem pm = loaded.postMortem();
        LintReport report = checker.check(pm, SourceMap.NONE, List.of());
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

    // ---- reconcile ---------------------------------------------------------------------------------

    /** Creates the missing tickets, closes those ticked off, updates what changed; never deletes. */
    Reconciled reconcile(Planned planned) {
        TrackedPostMortem loaded = planned.analysed().loaded();
        Reconciliation r = new Reconciler(tracker::userId).reconcile(planned.plan(), loaded.tickets());
        List<CreatedTicket> created = createMissing(loaded.key(), r.toCreate());
        closeDoneOnes(r.toCreate(), created);
        r.toUpdate().forEach(this::apply);
        return new Reconciled(planned, r, created, withTicketKeys(planned.analysed().postMortem(), r, created));
    }

    private List<CreatedTicket> createMissing(IssueKey key, List<DesiredTicket> toCreate) {
        if (toCreate.isEmpty()) return List.of();
        for (DesiredTicket d : toCreate) {
            if (d.project() == null) {
                throw new SyncException("action '" + d.summary() + "' has no target project: add project:KEY to it or set defaultProject in the SLO policy");
            }
        }
        CreatedTickets result = tracker.create(key, toCreate);
        if (!result.refused().isEmpty()) throw new SyncException(refusals(result.refused()));
        return result.created();
    }

    private static String refusals(List<CreatedTickets.Refusal> refused) {
        StringBuilder sb = new StringBuilder("Jira refused " + refused.size() + " remediation ticket(s); the others were created and a retry creates only the missing ones:");
        for (CreatedTickets.Refusal e : refused) {
            sb.append("\n- '").append(e.ticket().summary()).append("': ").append(e.field() == null ? "" : e.field() + ": ").append(e.reason());
            // Jira's words for an unknown project ("project is required") send people looking in the wrong place
            if ("project".equals(e.field())) {
                sb.append(" (the action files it under project '").append(e.ticket().project()).append("': check that the project exists and that Hindsight's account ")
                        .append("may create issues in it, or change the action's project:KEY)");
            }
        }
        return sb.toString();
    }

    /** An action ticked off before its ticket existed gets a ticket that is done too. */
    private void closeDoneOnes(List<DesiredTicket> toCreate, List<CreatedTicket> created) {
        Map<String, String> keys = new HashMap<>();
        created.forEach(c -> keys.put(c.actionId(), c.key()));
        for (DesiredTicket d : toCreate) {
            if (d.done() && keys.containsKey(d.actionId())) tracker.moveToDone(IssueKey.of(keys.get(d.actionId())));
        }
    }

    private void apply(TicketChange c) {
        if (c.fieldsChange()) tracker.update(c);
        if (c.markDone()) tracker.moveToDone(IssueKey.of(c.ticketKey()));
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

    /** Renders the page and writes it when its content would change or someone edited it by hand. */
    Published publish(Reconciled reconciled) {
        TrackedPostMortem loaded = reconciled.planned().analysed().loaded();
        String storage = renderer.render(PostMortemRenderer.Format.CONFLUENCE, reconciled.postMortem(), reconciled.planned().plan(), renderContext(reconciled));
        String renderedHash = PageDecision.hash(storage);
        SyncState state = loaded.state();
        Optional<PageDecision> unchanged = PageDecision.unchangedByState(renderedHash, state);
        if (unchanged.isPresent()) return new Published(reconciled, unchanged.get(), state);

        String title = loaded.key() + ": " + reconciled.postMortem().title();
        Optional<Page> current = state.pageId() != null ? wiki.page(state.pageId()) : Optional.empty();
        PageDecision decision = PageDecision.decide(renderedHash, state, current);
        Page saved;
        if (decision.action() == PageDecision.Action.CREATE) {
            WikiPages.Creation creation = wiki.create(title, storage, settings.pageLabels());
            saved = creation.page();
            if (creation.existed()) {
                // the title was taken: an earlier publish crashed before remembering its page
                decision = PageDecision.decide(renderedHash, SyncState.NONE, Optional.of(saved));
                saved = wiki.update(saved.id(), title, storage, decision.newVersion(), "Synced by Hindsight");
            }
        } else if (decision.action() == PageDecision.Action.UPDATE) {
            saved = wiki.update(decision.pageId(), title, storage, decision.newVersion(), "Synced by Hindsight");
        } else {
            saved = current.orElseThrow();
        }
        SyncState next = new SyncState(saved.id(), renderedHash, PageDecision.hash(saved.storage()), saved.version(), state.reportHash());
        return new Published(reconciled, decision, next);
    }

    private RenderContext renderContext(Reconciled reconciled) {
        Map<String, RenderContext.TicketStatus> statuses = new HashMap<>();
        reconciled.reconciliation().matched().forEach(m -> statuses.put(m.existing().key(), TicketStatuses.of(m.existing().done())));
        Map<String, Boolean> doneById = new HashMap<>();
        reconciled.reconciliation().toCreate().forEach(d -> doneById.put(d.actionId(), d.done()));
        reconciled.created().forEach(c -> statuses.put(c.key(), TicketStatuses.of(Boolean.TRUE.equals(doneById.get(c.actionId())))));
        return new RenderContext(settings.jiraBaseUrl(), settings.jiraServerName(), settings.jiraServerId(), null, LocalDate.now(clock), statuses);
    }

    // ---- remember ----------------------------------------------------------------------------------

    /** Remembers the page and what the checker said on the issue, written only when it changed (state is written last). */
    Remembered remember(Outcome outcome) {
        String findings = SyncComment.findings(outcome.analysed().report());
        String reportHash = findings.isEmpty() ? null : PageDecision.hash(findings);
        SyncState before = outcome.analysed().loaded().state();
        SyncState remembered = outcome.state().withReportHash(reportHash);
        if (!remembered.equals(before)) store.saveState(outcome.analysed().loaded().key(), remembered);
        return new Remembered(outcome, findings, reportHash != null && !reportHash.equals(before.reportHash()));
    }

    // ---- tell --------------------------------------------------------------------------------------

    /** Comments only when something changed or the checker has something new to say: repeated syncs do not repeat themselves. */
    SyncResult tell(Remembered remembered) {
        SyncResult result = remembered.outcome().result();
        if (!result.changedAnything() && !remembered.newFindings()) return result;
        store.comment(remembered.outcome().analysed().loaded().key(), SyncComment.text(result, remembered.findings()));
        return result.withComment();
    }

    private String issueUrl(IssueKey key) {
        return settings.jiraBaseUrl() == null ? null : settings.jiraBaseUrl().replaceAll("/+$", "") + "/browse/" + key;
    }
}
