package io.hindsight.core.usecase;

import io.hindsight.core.lint.Checker;
import io.hindsight.core.lint.Finding;
import io.hindsight.core.lint.Level;
import io.hindsight.core.lint.LintReport;
import io.hindsight.core.markdown.MarkdownReader;
import io.hindsight.core.markdown.ParsedPostMortem;
import io.hindsight.core.markdown.SourceMap;
import io.hindsight.core.model.PostMortem;
import io.hindsight.core.model.ActionItem;
import io.hindsight.core.model.IssueKey;
import io.hindsight.core.port.PostMortemStore;
import io.hindsight.core.port.TicketTracker;
import io.hindsight.core.template.CompletenessReport;
import io.hindsight.core.template.Template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a post-mortem for blameless language, actionable actions and completeness: one written in
 * Markdown (with line numbers), or one in the tracker, read as the sync reads it (findings name sections;
 * the tracker is also asked whether each owner is a user tickets can be assigned to).
 */
public final class LintPostMortem {
    /** The finding for an owner the tracker has no user for. */
    public static final String OWNER_UNKNOWN = "actionability.owner-unknown";

    private final MarkdownReader reader;
    private final Checker checker;
    private final PostMortemStore store;
    private final Owners owners;

    /** Checks Markdown only. */
    public LintPostMortem(MarkdownReader reader, Checker checker) {
        this(reader, checker, null);
    }

    /** Checks Markdown and post-mortem issues (without asking about owners). */
    public LintPostMortem(MarkdownReader reader, Checker checker, PostMortemStore store) {
        this(reader, checker, store, null, Map.of());
    }

    /**
     * Checks Markdown and post-mortem issues, and the issues' owners against the tracker's users.
     *
     * @param users the team's map of owner handles to Jira users ({@code users:} in hindsight.yaml)
     */
    public LintPostMortem(MarkdownReader reader, Checker checker, PostMortemStore store, TicketTracker tracker, Map<String, String> users) {
        this.reader = reader;
        this.checker = checker;
        this.store = store;
        this.owners = tracker == null ? null : new Owners(users, tracker);
    }

    /** @param source the file's name, for findings and format problems */
    public LintResult markdown(String markdown, String source) {
        return of(source, reader.read(markdown, source));
    }

    /**
     * The post-mortem issue checked as the sync checks it (waivers in its fields apply), with a warning for each
     * owner the tracker has no user for; empty when it does not exist or this account cannot see it.
     *
     * @throws io.hindsight.core.sync.NotAPostMortem when the issue is not a post-mortem
     */
    public Optional<LintResult> issue(IssueKey key) {
        if (store == null) throw new IllegalStateException("this check has no post-mortem store to read " + key + " from");
        return store.load(key).map(SyncPostMortem::postMortem).map(s -> {
            ParsedPostMortem parsed = new ParsedPostMortem(key.value(), s.postMortem(), SourceMap.NONE, List.of());
            Template template = checker.templateFor(parsed.postMortem());
            List<Finding> findings = new ArrayList<>(checkFields(checker, s.postMortem(), reader.read(s.markdown(), key.value())).findings());
            findings.addAll(ownerFindings(s.postMortem().actionItems()));
            return new LintResult(key.value(), parsed, new LintReport(findings), template, CompletenessReport.of(parsed.postMortem(), template).percentFilled());
        });
    }

    /** One warning per owner no user answers to: their tickets are created unassigned. */
    private List<Finding> ownerFindings(List<ActionItem> actions) {
        if (owners == null) return List.of();
        Map<String, List<String>> byOwner = new LinkedHashMap<>();
        for (ActionItem a : actions) {
            if (a.owner() != null) byOwner.computeIfAbsent(a.owner(), o -> new ArrayList<>()).add(a.summary());
        }
        List<Finding> out = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : byOwner.entrySet()) {
            if (owners.find(e.getKey()).isPresent()) continue;
            String name = owners.name(e.getKey());
            out.add(new Finding(OWNER_UNKNOWN, Level.WARNING, "Action items", 0,
                    "Jira has no user '" + name + "' for @" + e.getKey() + " (" + e.getValue().size() + " action(s)): their tickets are created unassigned, naming @"
                            + e.getKey(), "@" + e.getKey(), "Map the name to a Jira user under 'users:' in hindsight.yaml (" + e.getKey() + ": jira-user-name), "
                    + "or write the owner's Jira user name"));
        }
        return out;
    }

    private LintResult of(String name, ParsedPostMortem parsed) {
        Template template = checker.templateFor(parsed.postMortem());
        return new LintResult(name, parsed, checker.check(parsed), template, CompletenessReport.of(parsed.postMortem(), template).percentFilled());
    }

    /**
     * A post-mortem read from its fields, checked as one without lines (findings name sections, as nobody sees the
     * Markdown the fields hold as a file), less what the waivers written in the fields waive: a waiver covers lines,
     * so the check is also made on that Markdown with its lines, and a finding it does not repeat was waived.
     */
    static LintReport checkFields(Checker checker, PostMortem postMortem, ParsedPostMortem fields) {
        LintReport plain = checker.check(postMortem, SourceMap.NONE, List.of());
        LintReport placed = checker.check(fields.postMortem(), fields.lines(), List.of());
        List<Finding> kept = new ArrayList<>();
        for (Finding f : plain.findings()) {
            if (placed.findings().stream().anyMatch(p -> same(p, f))) kept.add(f);
        }
        // a waiver without a reason is not applied, and is itself a finding
        placed.findings().stream().filter(p -> p.rule().equals(WAIVER_WITHOUT_REASON))
                .forEach(p -> kept.add(new Finding(p.rule(), p.level(), p.section(), 0, p.message(), p.excerpt(), p.suggestion())));
        return new LintReport(kept);
    }

    private static final String WAIVER_WITHOUT_REASON = "consistency.waiver-without-reason";

    private static boolean same(Finding a, Finding b) {
        return a.rule().equals(b.rule()) && a.section().equals(b.section()) && a.excerpt().equals(b.excerpt());
    }
}
