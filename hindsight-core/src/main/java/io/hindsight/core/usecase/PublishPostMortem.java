package io.hindsight.core.usecase;

import io.hindsight.core.lint.Level;
import io.hindsight.core.markdown.SourceMap;
import io.hindsight.core.model.IssueKey;
import io.hindsight.core.model.PostMortem;
import io.hindsight.core.plan.DesiredTicket;
import io.hindsight.core.plan.RemediationPlanner;
import io.hindsight.core.port.PostMortemStore;
import io.hindsight.core.port.TicketTracker;
import io.hindsight.core.sync.NotAPostMortem;
import io.hindsight.core.sync.Preflight;
import io.hindsight.core.sync.SyncException;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Publishing a post-mortem written in Markdown: it is checked before anything is written, so a refused
 * post-mortem leaves nothing behind in the tracker. The file is checked on its own first; then, against the
 * tracker and still before any write, the issue its {@code key:} names must be a post-mortem, and every action's
 * project must exist and offer the ticket type. Then its issue is created (no {@code key:}) or updated (only
 * when it holds something else). Its tickets and page follow from {@link SyncPostMortem}: run now (CLI, with
 * {@link SyncPostMortem#syncWritten}) or queued (service), as the host decides.
 */
public final class PublishPostMortem {
    /**
     * What the check decided.
     *
     * @param problems empty when the post-mortem may be published; else each line says where and what to fix
     */
    public record Checked(LintResult lint, String summary, List<String> problems) {
        public boolean refused() {
            return !problems.isEmpty();
        }

        public PostMortem postMortem() {
            return lint.parsed().postMortem();
        }
    }

    /**
     * An issue written.
     *
     * @param created whether this publish created it
     * @param changed whether anything was written (an unchanged file sends nothing)
     * @param stored  the issue as the tracker now holds it, for a sync to go on from without reading it again
     * @param checkedProjects the projects found to take remediation tickets, for the sync not to ask again
     */
    public record Written(IssueKey key, boolean created, boolean changed, PostMortemStore.Stored stored, java.util.Set<String> checkedProjects) {
        public Written {
            checkedProjects = java.util.Set.copyOf(checkedProjects);
        }
    }

    /** A publish refused by the tracker's answers, before anything was written. */
    public static final class Refused extends SyncException {
        public enum Reason {
            /** the issue {@code key:} names does not exist (or cannot be seen) */
            NO_SUCH_ISSUE,
            /** the issue {@code key:} names is not a post-mortem */
            NOT_A_POST_MORTEM,
            /** actions name projects that do not exist or do not offer the ticket type */
            PROJECTS
        }

        private final Reason reason;
        private final List<String> problems;

        Refused(Reason reason, String message, List<String> problems) {
            super(problems.isEmpty() ? message : message + ":\n  " + String.join("\n  ", problems));
            this.reason = reason;
            this.problems = List.copyOf(problems);
        }

        public Reason reason() {
            return reason;
        }

        /** Each line names the file, the line and what to fix. */
        public List<String> problems() {
            return problems;
        }
    }

    private final LintPostMortem lint;
    private final PostMortemStore store;
    private final TicketTracker tracker;
    private final RemediationPlanner planner;

    /** Publishing without the projects' check (for hosts that cannot reach the tickets' tracker). */
    public PublishPostMortem(LintPostMortem lint, PostMortemStore store) {
        this(lint, store, null, null);
    }

    /** @param tracker, planner the projects the actions name are checked against the tracker before anything is written */
    public PublishPostMortem(LintPostMortem lint, PostMortemStore store, TicketTracker tracker, RemediationPlanner planner) {
        this.lint = lint;
        this.store = store;
        this.tracker = tracker;
        this.planner = planner;
    }

    /**
     * Whether a checked post-mortem may be published: nothing unreadable, no checker errors. Needs no
     * tracker, so a host can refuse a file before it connects to one.
     */
    public static Checked verdict(LintResult lint) {
        String source = lint.file();
        if (lint.parsed().hasErrors()) {
            return new Checked(lint, source + " has parts that cannot be read; nothing was published",
                    lint.parsed().problems().stream().filter(p -> p.error()).map(p -> source + ":" + p.line() + ": " + p.message()).toList());
        }
        if (lint.report().hasErrors()) {
            return new Checked(lint, source + " has " + lint.report().count(Level.ERROR) + " error(s); nothing was published (lint it for suggestions)",
                    lint.report().findings().stream().filter(f -> f.level() == Level.ERROR)
                            .map(f -> source + ":" + (f.line() > 0 ? f.line() + ":" : "") + " " + f.rule() + ": " + f.message()).toList());
        }
        return new Checked(lint, source + " can be published", List.of());
    }

    public Checked check(String markdown, String source) {
        return verdict(lint.markdown(markdown, source));
    }

    /**
     * Creates or updates the post-mortem's issue; the check must have passed. Before anything is written, the
     * issue a {@code key:} names is read (one read) and must be a post-mortem, and the actions' projects are checked.
     *
     * @throws Refused when the tracker's answers forbid the write; nothing was written
     */
    public Written write(Checked checked, String project) {
        if (checked.refused()) throw new IllegalStateException("a refused post-mortem is not written: " + checked.summary());
        PostMortem pm = checked.postMortem();
        String file = checked.lint().file();
        PostMortemStore.Stored current = null;
        if (pm.key() != null) {
            IssueKey key = IssueKey.of(pm.key());
            current = store.load(key).orElseThrow(() -> new Refused(Refused.Reason.NO_SUCH_ISSUE, file + ": " + key + ", which its 'key:' names, does not exist "
                    + "or Hindsight's account cannot see it; nothing was published. Remove the key: line to publish it as a new post-mortem", List.of()));
            try {
                SyncPostMortem.postMortem(current);
            } catch (NotAPostMortem e) {
                throw new Refused(Refused.Reason.NOT_A_POST_MORTEM, file + ": its 'key: " + key + "' names an issue that is not a post-mortem, so it was left "
                        + "as it is and nothing was published (" + e.getMessage() + "). Remove the key: line to publish the file as a new post-mortem, or "
                        + "put the key of its post-mortem issue there", List.of());
            }
        }
        java.util.Set<String> projects = checkProjects(checked, current == null ? project : current.key().project());
        if (current == null) {
            PostMortemStore.Stored created = store.create(project, pm);
            return new Written(created.key(), true, true, created, projects);
        }
        PostMortemStore.Stored after = store.update(current, pm);
        return new Written(current.key(), false, !after.postMortem().equals(current.postMortem()), after, projects);
    }

    /** Every action's ticket can be created where it asks: its project exists and offers the ticket's issue type. */
    private java.util.Set<String> checkProjects(Checked checked, String issueProject) {
        if (tracker == null || planner == null) return java.util.Set.of();
        // planned as the sync will plan it: an action that names no project files its ticket in the post-mortem's own
        PostMortem pm = checked.postMortem().key() != null ? checked.postMortem() : checked.postMortem().withKey(issueProject + "-1");
        List<DesiredTicket> tickets = planner.plan(pm, LocalDate.now(ZoneOffset.UTC), null).tickets();
        if (tickets.isEmpty()) return java.util.Set.of();
        java.util.Set<String> projects = Preflight.projects(tickets);
        List<Preflight.Problem> problems = Preflight.check(tickets, tracker.projects(projects));
        if (problems.isEmpty()) return projects;
        String file = checked.lint().file();
        SourceMap lines = checked.lint().parsed().lines();
        List<String> out = new ArrayList<>();
        for (Preflight.Problem p : problems) {
            int line = 0;
            List<io.hindsight.core.model.ActionItem> actions = checked.postMortem().actionItems();
            for (int i = 0; i < actions.size() && line == 0; i++) {
                if (actions.get(i).id().equals(p.actionId())) line = lines.actionLine(i);
            }
            out.add(file + ":" + (line > 0 ? line + ":" : "") + " action '" + p.summary() + "': " + p.message());
        }
        throw new Refused(Refused.Reason.PROJECTS, file + ": " + problems.size() + " action(s) cannot have a ticket where they ask for one; nothing was "
                + "published (no issue, ticket or page)", out);
    }
}
