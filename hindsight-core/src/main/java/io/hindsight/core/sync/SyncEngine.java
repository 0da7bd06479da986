package io.hindsight.core.sync;

import io.hindsight.core.lint.Checker;
import io.hindsight.core.lint.Finding;
import io.hindsight.core.lint.Level;
import io.hindsight.core.lint.LintReport;
import io.hindsight.core.markdown.SourceMap;
import io.hindsight.core.model.ActionItem;
import io.hindsight.core.model.PostMortem;
import io.hindsight.core.model.State;
import io.hindsight.core.plan.DesiredTicket;
import io.hindsight.core.plan.RemediationPlan;
import io.hindsight.core.plan.RemediationPlanner;
import io.hindsight.core.render.PostMortemRenderer;
import io.hindsight.core.render.RenderContext;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps a post-mortem's remediation tickets and Confluence page in step with the post-mortem issue.
 * One sync reads top to bottom: load, analyse, reconcile, publish, remember, tell. Every step is
 * idempotent, so a crash, a retry or a repeated webhook converges on the same end state.
 */
public final class SyncEngine {
    /** Site settings the engine needs for links and labels. */
    public record Settings(String jiraBaseUrl, String jiraServerName, String jiraServerId, List<String> pageLabels) {
        public Settings {
            pageLabels = List.copyOf(pageLabels);
        }
    }

    private final Ports.Tracker tracker;
    private final Ports.Wiki wiki;
    private final Checker checker;
    private final RemediationPlanner planner;
    private final PostMortemRenderer renderer;
    private final Settings settings;
    private final Clock clock;

    public SyncEngine(Ports.Tracker tracker, Ports.Wiki wiki, Checker checker, RemediationPlanner planner, PostMortemRenderer renderer,
                      Settings settings, Clock clock) {
        this.tracker = tracker;
        this.wiki = wiki;
        this.checker = checker;
        this.planner = planner;
        this.renderer = renderer;
        this.settings = settings;
        this.clock = clock;
    }

    public SyncResult sync(String key) {
        Ports.Loaded loaded = load(key);
        LintReport report = checker.check(loaded.postMortem(), SourceMap.NONE, List.of());
        if (report.hasErrors()) {
            return tell(key, loaded.state(), loaded.state(), report, true, List.of(),
                    new Reconciliation(List.of(), List.of(), List.of(), List.of(), List.of()), null);
        }
        PostMortem pm = approvedOnce(key, loaded.postMortem());
        RemediationPlan plan = planner.plan(pm, LocalDate.now(clock), issueUrl(key));
        Reconciliation reconciliation = new Reconciler(tracker::userId).reconcile(plan, loaded.tickets());
        List<Ports.Created> created = createMissing(key, reconciliation);
        closeDoneOnes(reconciliation, created);
        reconciliation.toUpdate().forEach(tracker::update);
        PostMortem withTickets = withTicketKeys(pm, reconciliation, created);
        Published page = publish(key, withTickets, plan, loaded, reconciliation, created);
        return tell(key, loaded.state(), page.state(), report, false, created, reconciliation, page.decision());
    }

    // ---- load --------------------------------------------------------------------------------------

    private Ports.Loaded load(String key) {
        return tracker.load(key).orElseThrow(() -> new SyncException("post-mortem " + key + " does not exist or this account cannot see it"));
    }

    // ---- analyse -----------------------------------------------------------------------------------

    /**
     * A post-mortem that reached an approved state (approved, published, closed) with no approval date
     * gets today's, written back once: due dates count from approval, and without a date they would
     * count from a stand-in that moves when someone fills it in later.
     */
    private PostMortem approvedOnce(String key, PostMortem pm) {
        if (pm.approved() != null || pm.state() == null || pm.state().ordinal() < State.APPROVED.ordinal()) return pm;
        LocalDate today = LocalDate.now(clock);
        tracker.recordApproval(key, today);
        return pm.withApproved(today);
    }

    // ---- reconcile ---------------------------------------------------------------------------------

    private List<Ports.Created> createMissing(String key, Reconciliation r) {
        if (r.toCreate().isEmpty()) return List.of();
        List<DesiredTicket> withProject = r.toCreate();
        for (DesiredTicket d : withProject) {
            if (d.project() == null) {
                throw new SyncException("action '" + d.summary() + "' has no target project: add project:KEY to it or set defaultProject in the SLO policy");
            }
        }
        return tracker.createTickets(key, withProject);
    }

    /** An action ticked off before its ticket existed gets a ticket that is done too. */
    private void closeDoneOnes(Reconciliation r, List<Ports.Created> created) {
        Map<String, String> keys = new HashMap<>();
        created.forEach(c -> keys.put(c.actionId(), c.key()));
        for (DesiredTicket d : r.toCreate()) {
            if (d.done() && keys.containsKey(d.actionId())) {
                tracker.update(new TicketChange(keys.get(d.actionId()), d.actionId(), null, null, null, null, List.of(), true));
            }
        }
    }

    /** The post-mortem with each action's ticket key, so the page links them. */
    private static PostMortem withTicketKeys(PostMortem pm, Reconciliation r, List<Ports.Created> created) {
        Map<String, String> keys = new HashMap<>();
        r.matched().forEach(m -> keys.put(m.desired().actionId(), m.existing().key()));
        created.forEach(c -> keys.put(c.actionId(), c.key()));
        List<ActionItem> items = new ArrayList<>();
        for (ActionItem a : pm.actionItems()) items.add(keys.containsKey(a.id()) ? a.withTicket(keys.get(a.id())) : a);
        return pm.withActionItems(items);
    }

    // ---- publish -----------------------------------------------------------------------------------

    private record Published(PageDecision decision, SyncState state) {
    }

    private Published publish(String key, PostMortem pm, RemediationPlan plan, Ports.Loaded loaded, Reconciliation r, List<Ports.Created> created) {
        Map<String, RenderContext.TicketStatus> statuses = new HashMap<>();
        for (Reconciliation.Match m : r.matched()) {
            statuses.put(m.existing().key(), m.existing().done() ? new RenderContext.TicketStatus("Done", RenderContext.TicketStatus.Category.DONE)
                    : new RenderContext.TicketStatus("Open", RenderContext.TicketStatus.Category.TO_DO));
        }
        Map<String, Boolean> doneById = new HashMap<>();
        r.toCreate().forEach(d -> doneById.put(d.actionId(), d.done()));
        created.forEach(c -> statuses.put(c.key(), Boolean.TRUE.equals(doneById.get(c.actionId()))
                ? new RenderContext.TicketStatus("Done", RenderContext.TicketStatus.Category.DONE)
                : new RenderContext.TicketStatus("Open", RenderContext.TicketStatus.Category.TO_DO)));
        RenderContext ctx = new RenderContext(settings.jiraBaseUrl(), settings.jiraServerName(), settings.jiraServerId(), null, LocalDate.now(clock), statuses);
        String storage = renderer.render(PostMortemRenderer.Format.CONFLUENCE, pm, plan, ctx);
        String title = key + ": " + pm.title();
        SyncState state = loaded.state();

        // nothing new to say and Hindsight's own page: no read, no write
        if (state.pageId() != null && PageDecision.hash(storage).equals(state.renderedHash())) {
            return new Published(new PageDecision(PageDecision.Action.UNCHANGED, state.pageId(), state.pageVersion(), false, 0, state.renderedHash()), state);
        }
        Optional<PageDecision.Current> current = state.pageId() != null ? wiki.page(state.pageId()) : Optional.empty();
        PageDecision decision = PageDecision.decide(storage, state.published(), current);
        Ports.Saved saved;
        if (decision.action() == PageDecision.Action.CREATE) {
            Optional<Ports.Saved> fresh = wiki.create(title, storage, settings.pageLabels());
            if (fresh.isPresent()) {
                saved = fresh.get();
            } else {
                // a page with this title exists: an earlier publish crashed before remembering it
                PageDecision.Current existing = wiki.pageByTitle(title).orElseThrow(() -> new SyncException("Confluence says page '" + title
                        + "' exists but cannot find it"));
                decision = PageDecision.decide(storage, Optional.empty(), Optional.of(existing));
                saved = wiki.update(existing.pageId(), title, storage, decision.newVersion(), "Synced by Hindsight");
            }
        } else {
            saved = wiki.update(decision.pageId(), title, storage, decision.newVersion(), "Synced by Hindsight");
        }
        SyncState next = new SyncState(saved.id(), PageDecision.hash(storage), PageDecision.hash(saved.storage()), saved.version(), state.reportHash());
        return new Published(decision, next);
    }

    // ---- remember and tell --------------------------------------------------------------------------

    /**
     * Remembers the new state on the issue when it changed, and comments only when something changed or
     * the checker has something new to say: repeated syncs do not repeat themselves.
     */
    private SyncResult tell(String key, SyncState before, SyncState after, LintReport report, boolean blocked, List<Ports.Created> created,
                            Reconciliation r, PageDecision page) {
        String findings = findings(report);
        String reportHash = findings.isEmpty() ? null : PageDecision.hash(findings);
        boolean changed = !created.isEmpty() || !r.toUpdate().isEmpty() || (page != null && page.action() != PageDecision.Action.UNCHANGED);
        boolean newFindings = reportHash != null && !reportHash.equals(before.reportHash());
        SyncState remembered = new SyncState(after.pageId(), after.renderedHash(), after.savedHash(), after.pageVersion(), reportHash);
        if (!remembered.equals(before)) tracker.saveState(key, remembered);
        boolean comment = changed || newFindings;
        if (comment) tracker.comment(key, commentText(blocked, created, r, page, after.pageId(), report, findings));
        return new SyncResult(key, report, blocked, created, r.toUpdate(), r.orphans(), r.duplicates(), page, after.pageId(), comment);
    }

    private static String findings(LintReport report) {
        StringBuilder sb = new StringBuilder();
        for (Finding f : report.findings()) {
            if (f.level() == Level.INFO) continue;
            sb.append("- *").append(f.level().label()).append("* `").append(f.rule()).append("`")
                    .append(f.section().isEmpty() ? "" : " (" + f.section() + ")").append(": ").append(f.message()).append('\n');
        }
        return sb.toString();
    }

    private String commentText(boolean blocked, List<Ports.Created> created, Reconciliation r, PageDecision page, String pageId,
                               LintReport report, String findings) {
        StringBuilder sb = new StringBuilder();
        if (blocked) {
            sb.append("Hindsight did not sync this post-mortem: the checker found ").append(report.count(Level.ERROR))
                    .append(" error(s). Fix them and save the issue again.\n\n").append(findings);
            return sb.toString().strip();
        }
        sb.append("Hindsight synced this post-mortem.\n\n");
        if (!created.isEmpty()) {
            sb.append("- Created ").append(created.size()).append(" remediation ticket(s): ")
                    .append(String.join(", ", created.stream().map(Ports.Created::key).toList())).append('\n');
        }
        if (!r.toUpdate().isEmpty()) {
            sb.append("- Updated ").append(r.toUpdate().size()).append(" ticket(s): ")
                    .append(String.join(", ", r.toUpdate().stream().map(TicketChange::ticketKey).toList())).append('\n');
        }
        if (page != null && page.action() != PageDecision.Action.UNCHANGED) {
            sb.append("- ").append(page.action() == PageDecision.Action.CREATE ? "Created" : "Updated").append(" the Confluence page (id ")
                    .append(pageId).append(").\n");
            if (page.handEdited()) {
                sb.append("- The page had been edited by hand (version ").append(page.replacedVersion())
                        .append("); that version is kept in the page history. Edit the post-mortem issue instead.\n");
            }
        }
        if (!r.orphans().isEmpty()) {
            sb.append("- These tickets answer for actions that are no longer in the post-mortem; they were left as they are: ")
                    .append(String.join(", ", r.orphans().stream().map(ExistingTicket::key).toList())).append('\n');
        }
        if (!r.duplicates().isEmpty()) {
            sb.append("- These tickets repeat an action another ticket answers for: ")
                    .append(String.join(", ", r.duplicates().stream().map(ExistingTicket::key).toList())).append('\n');
        }
        if (!findings.isEmpty()) sb.append("\nChecker:\n").append(findings);
        return sb.toString().strip();
    }

    private String issueUrl(String key) {
        return settings.jiraBaseUrl() == null ? null : settings.jiraBaseUrl().replaceAll("/+$", "") + "/browse/" + key;
    }
}
