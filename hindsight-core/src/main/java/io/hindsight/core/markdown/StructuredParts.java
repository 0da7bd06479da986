package io.hindsight.core.markdown;

import io.hindsight.core.markdown.MarkdownReader.Line;
import io.hindsight.core.model.ActionItem;
import io.hindsight.core.model.ContributingFactor;
import io.hindsight.core.model.FactorCategory;
import io.hindsight.core.model.SectionKind;
import io.hindsight.core.model.TimelineEntry;
import io.hindsight.core.model.TimelineKind;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the list items of the structured sections (five whys, contributing factors, timeline, action
 * items) and hands back every other line, to be kept as the section's text.
 */
final class StructuredParts {
    private static final Pattern BOLD_TIME = Pattern.compile("^(?:\\*\\*|__)([^*_]+?)(?:\\*\\*|__)\\s*");
    private static final Pattern TIME_PREFIX = Pattern.compile(
            "^((?:\\d{4}-\\d{2}-\\d{2}[T ]\\s*)?\\d{1,2}:\\d{2}(?::\\d{2})?(?:Z|[+-]\\d{2}:\\d{2}(?:\\[[^\\]]+])?)?)(?=[\\s,:—–-]|$)");
    private static final Pattern ZONE_WORD = Pattern.compile("^\\s*\\(?([A-Z]{2,5}|[A-Za-z]+/[A-Za-z_]+(?:/[A-Za-z_]+)?)\\)?(?=[\\s,:—–-]|$)");
    private static final Pattern SEPARATOR = Pattern.compile("^\\s*(?:[—–:|]|-(?!\\d))?\\s*");
    private static final Pattern KIND_TAG = Pattern.compile("^\\[([A-Za-z][A-Za-z ]*)]\\s*");
    private static final Pattern BOLD_MARKER = Pattern.compile("^(?:\\*\\*|__)([^*_]+?)(?:\\*\\*|__)");
    private static final Pattern DAY_LINE = Pattern.compile("^\\s*(?:#+\\s*)?(?:\\*\\*|__)?(\\d{4}-\\d{2}-\\d{2})(?:\\*\\*|__)?\\s*(.*)$");
    private static final Pattern CATEGORY_TAG = Pattern.compile("^\\[([^\\]]+)]\\s*(.*)$");
    private static final Pattern CATEGORY_FIELD = Pattern.compile("^(?:\\*\\*|__)?([\\p{L} _-]{3,30}?)(?::\\s*(?:\\*\\*|__)|(?:\\*\\*|__)\\s*:|:)\\s*(.+)$");
    private static final Pattern EXPLICIT_ID = Pattern.compile("(?i)(?:^|\\s)id\\s*:");
    private static final Pattern INLINE_COMMENT = Pattern.compile("\\s*<!--.*?-->");

    private final Set<String> actionClasses;
    private final List<FormatProblem> problems;

    final List<String> whys = new ArrayList<>();
    final List<Integer> whyLines = new ArrayList<>();
    final List<ContributingFactor> factors = new ArrayList<>();
    final List<Integer> factorLines = new ArrayList<>();
    final List<TimelineEntry> timeline = new ArrayList<>();
    final List<Integer> timelineLines = new ArrayList<>();
    private final List<ActionItem> actions = new ArrayList<>();
    /** Each action's id as written or derived, before a suffix made it unique. */
    private final List<String> originalIds = new ArrayList<>();
    final List<Integer> actionLines = new ArrayList<>();
    private final Map<String, Integer> explicitIds = new HashMap<>();

    StructuredParts(Set<String> actionClasses, List<FormatProblem> problems) {
        this.actionClasses = actionClasses;
        this.problems = problems;
    }

    List<ActionItem> actions() {
        return actions;
    }

    /**
     * Reads the items of one structured section; returns the lines that are not items.
     *
     * @param commentLines lines inside HTML comments: kept as text, never items
     */
    List<Line> read(SectionKind kind, List<Line> body, Set<Integer> commentLines, LocalDate date, ZoneId zone) {
        List<Line> text = new ArrayList<>();
        LocalDate day = date;
        ZoneId dayZone = zone;
        boolean inFence = false;
        List<String> tableHeader = null;
        int lastAction = 0;
        int lastActionIndent = 0;
        boolean blankSinceAction = false;
        for (int i = 0; i < body.size(); i++) {
            Line line = body.get(i);
            String t = line.text();
            if (commentLines.contains(line.number())) {
                // a commented-out action is not an action, and a waiver between two actions interrupts nothing
                text.add(line);
                continue;
            }
            if (MarkdownReader.isFence(t)) inFence = !inFence;
            if (inFence || MarkdownReader.isFence(t)) {
                text.add(line);
                lastAction = 0;
                continue;
            }
            if (MarkdownReader.isTableRow(t) && (kind == SectionKind.ACTION_ITEMS || kind == SectionKind.TIMELINE)) {
                if (tableHeader == null) {
                    tableHeader = MarkdownReader.cells(t).stream().map(c -> c.toLowerCase(Locale.ROOT)).toList();
                } else if (!MarkdownReader.isTableSeparator(t)) {
                    Map<String, String> row = row(tableHeader, MarkdownReader.cells(t));
                    if (kind == SectionKind.ACTION_ITEMS) actionRow(row, line, text);
                    else timelineRow(row, line, text, day, dayZone);
                }
                lastAction = 0;
                continue;
            }
            tableHeader = null;
            if (t.isBlank()) {
                text.add(line);
                blankSinceAction = true;
                continue;
            }
            if (kind == SectionKind.TIMELINE && !MarkdownReader.isListItem(t)) {
                Matcher d = DAY_LINE.matcher(t);
                if (d.matches() && !TIME_PREFIX.matcher(t.strip()).find() && dayHeader(d.group(2))) {
                    // "2015-10-21 (all times UTC)" dates the bare times below it
                    day = LocalDate.parse(d.group(1));
                    Optional<ZoneId> z = TimeFormats.zone(d.group(2));
                    if (z.isPresent()) dayZone = z.get();
                    continue;
                }
                if (TIME_PREFIX.matcher(t.strip()).find() && timelineItem(t.strip(), line, day, dayZone)) continue;
            }
            if (!MarkdownReader.isListItem(t)) {
                if (kind == SectionKind.ACTION_ITEMS && lastAction > 0 && !stray(line, lastAction, blankSinceAction)) lastAction = 0;
                text.add(line);
                continue;
            }
            if (kind == SectionKind.ACTION_ITEMS) {
                int indent = indent(t);
                if (lastAction > 0 && indent >= lastActionIndent + 2 && !ActionItemLine.hasCheckbox(t)) {
                    // "  - evaluate odyssey too" under an action: a detail of it, not an action of its own
                    String shown = MarkdownReader.stripListMarker(t);
                    problems.add(new FormatProblem(line.number(), "action item", "'" + (shown.length() > 60 ? shown.substring(0, 57) + "..." : shown)
                            + "' is a point nested under the action on line " + lastAction + ", not an action of its own; it is kept as text of the section",
                            FormatProblem.Level.WARNING, "Give it a checkbox (- [ ]) to make it an action, or put the detail in the action's line",
                            FormatProblem.Kind.STRAY_LINE));
                    text.add(line);
                    continue;
                }
                // an action is one line, or carries on in indented lines right below it (a wrapped line)
                List<Line> lines = new ArrayList<>(List.of(line));
                while (i + 1 < body.size() && continuesAction(body.get(i + 1), commentLines)) lines.add(body.get(++i));
                action(lines, text);
                lastAction = line.number();
                lastActionIndent = indent;
                blankSinceAction = false;
                continue;
            }
            String item = MarkdownReader.stripListMarker(t);
            // wrapped list items carry on in indented lines
            while (i + 1 < body.size() && MarkdownReader.isContinuation(body.get(i + 1).text())) {
                item = item + " " + body.get(++i).text().strip();
            }
            switch (kind) {
                case FIVE_WHYS -> {
                    whys.add(item);
                    whyLines.add(line.number());
                }
                case CONTRIBUTING_FACTORS -> {
                    factors.add(factor(item));
                    factorLines.add(line.number());
                }
                case TIMELINE -> {
                    if (!timelineItem(item, line, day, dayZone)) {
                        problems.add(new FormatProblem(line.number(), "timeline", "no time at the start of this timeline entry; write e.g. '- 14:05 Alert fired' (kept as text)", true));
                        text.add(line);
                    }
                }
                default -> text.add(line);
            }
        }
        return text;
    }

    private static int indent(String line) {
        int n = 0;
        while (n < line.length() && (line.charAt(n) == ' ' || line.charAt(n) == '\t')) n++;
        return n;
    }

    private static boolean continuesAction(Line next, Set<Integer> commentLines) {
        String t = next.text();
        return !commentLines.contains(next.number()) && MarkdownReader.isContinuation(t) && !MarkdownReader.isFence(t)
                && !MarkdownReader.isTableRow(t) && !t.strip().startsWith("<!--");
    }

    /**
     * A line of text among the action items. Right below an action it is what Markdown calls a lazy
     * continuation: previews glue it onto that action, Hindsight cannot tell which attributes it holds,
     * so it is reported and kept as text. Indented after a blank line, it looks like part of the action
     * and is not. A paragraph after a blank line is just prose. Returns whether the list goes on.
     */
    private boolean stray(Line line, int actionLine, boolean blankSince) {
        String t = line.text().strip();
        String shown = t.length() > 60 ? t.substring(0, 57) + "..." : t;
        if (!blankSince && !Character.isWhitespace(line.text().charAt(0))) {
            problems.add(new FormatProblem(line.number(), "action item", "'" + shown + "' follows the action on line " + actionLine
                    + " without indentation, so it belongs to no action; it is kept as text of the section",
                    FormatProblem.Level.WARNING, "To continue the action, indent it by two spaces; to write a paragraph, leave a blank line above it",
                    FormatProblem.Kind.STRAY_LINE));
            return true;
        }
        if (Character.isWhitespace(line.text().charAt(0))) {
            // after a blank line, or a list nested deeper than an action can hold
            problems.add(new FormatProblem(line.number(), "action item", "'" + shown + "' is indented under the action on line " + actionLine
                    + " but is not part of it (an action is its line and the indented lines right below it), so it belongs to no action;"
                    + " it is kept as text of the section", FormatProblem.Level.WARNING,
                    "To continue the action, put it right below the action's line with no blank line; to write a paragraph, do not indent it",
                    FormatProblem.Kind.STRAY_LINE));
            return true;
        }
        return false;
    }

    private static boolean dayHeader(String rest) {
        String r = rest.strip();
        return r.isEmpty() || r.startsWith("(") || TimeFormats.zone(r).isPresent();
    }

    private static Map<String, String> row(List<String> header, List<String> cells) {
        Map<String, String> row = new HashMap<>();
        for (int c = 0; c < header.size() && c < cells.size(); c++) row.put(header.get(c), cells.get(c));
        return row;
    }

    private static String column(Map<String, String> row, String... names) {
        for (String n : names) {
            String v = row.get(n);
            if (v != null && !v.isBlank()) return v.strip();
        }
        return null;
    }

    private ContributingFactor factor(String item) {
        Matcher tag = CATEGORY_TAG.matcher(item);
        if (tag.matches()) {
            Optional<FactorCategory> c = FactorCategory.parse(tag.group(1));
            if (c.isPresent()) return new ContributingFactor(c.get(), tag.group(2));
        }
        Matcher field = CATEGORY_FIELD.matcher(item);
        if (field.matches()) {
            Optional<FactorCategory> c = FactorCategory.parse(field.group(1));
            if (c.isPresent()) return new ContributingFactor(c.get(), field.group(2));
        }
        return new ContributingFactor(FactorCategory.OTHER, item);
    }

    /** Reads "14:05 [detection] Alert fired"; false when the item does not start with a time. */
    private boolean timelineItem(String item, Line line, LocalDate day, ZoneId zone) {
        String rest = item;
        Matcher bold = BOLD_TIME.matcher(rest);
        if (bold.find() && TIME_PREFIX.matcher(bold.group(1).strip()).find()) {
            rest = bold.group(1).strip() + " " + rest.substring(bold.end());
        }
        Matcher time = TIME_PREFIX.matcher(rest);
        if (!time.find()) return false;
        String when = time.group(1);
        rest = rest.substring(time.end());
        Matcher zoneWord = ZONE_WORD.matcher(rest);
        if (zoneWord.find() && TimeFormats.zone(zoneWord.group(1)).isPresent()) {
            when = when + " " + zoneWord.group(1);
            rest = rest.substring(zoneWord.end());
        }
        rest = SEPARATOR.matcher(rest).replaceFirst("");
        TimelineKind kind = null;
        Matcher tag = KIND_TAG.matcher(rest);
        if (tag.find() && TimelineKind.parse(tag.group(1)).isPresent()) {
            kind = TimelineKind.parse(tag.group(1)).get();
            rest = rest.substring(tag.end());
        } else {
            Matcher marker = BOLD_MARKER.matcher(rest);
            if (marker.find()) kind = TimelineKind.parse(marker.group(1)).orElse(null);
        }
        addEntry(when, kind, rest, line, day, zone);
        return true;
    }

    private void timelineRow(Map<String, String> row, Line line, List<Line> text, LocalDate day, ZoneId zone) {
        String when = column(row, "time", "when", "timestamp", "time (utc)", "date/time", "datetime");
        String what = column(row, "event", "description", "what happened", "what", "action", "details", "activity");
        if (when == null || what == null || !TIME_PREFIX.matcher(when).find()) {
            problems.add(new FormatProblem(line.number(), "timeline", "this table row needs a time and an event column (kept as text)", true));
            text.add(line);
            return;
        }
        String kindText = column(row, "kind", "type", "phase", "milestone");
        TimelineKind kind = kindText == null ? null : TimelineKind.parse(kindText).orElse(null);
        addEntry(when, kind, what, line, day, zone);
    }

    private void addEntry(String when, TimelineKind kind, String what, Line line, LocalDate day, ZoneId zone) {
        ZonedDateTime at = TimeFormats.parse(when, zone, day).map(TimeFormats.Parsed::value).orElse(null);
        if (at == null) {
            problems.add(new FormatProblem(line.number(), "timeline", "'" + when + "' has no date; add 'date:' to the front matter or a line with the day (e.g. 2026-11-02) above the entries", false));
        }
        // resolved times are kept in one canonical spelling, so that writing and reading agree
        timeline.add(new TimelineEntry(at == null ? when : TimeFormats.format(at), at, kind, what));
        timelineLines.add(line.number());
    }

    /** An action item and the indented lines that continue it. */
    private void action(List<Line> lines, List<Line> text) {
        Line line = lines.get(0);
        StringBuilder joined = new StringBuilder(line.text());
        for (Line l : lines.subList(1, lines.size())) joined.append(' ').append(l.text().strip());
        // a comment on the action's line (a waiver, a note) is no part of its summary: it stays, as text on that line
        Matcher comment = INLINE_COMMENT.matcher(joined);
        StringBuilder comments = new StringBuilder();
        while (comment.find()) comments.append(comments.isEmpty() ? "" : " ").append(comment.group().strip());
        String raw = INLINE_COMMENT.matcher(joined).replaceAll("");
        ActionItemLine.Result r = ActionItemLine.parse(raw, actionClasses);
        if (!r.ok()) {
            problems.add(new FormatProblem(line.number(), "action item", r.problem() + " (the line is kept as text, no ticket is made for it)", true));
            text.addAll(lines);
            return;
        }
        notes(r, line);
        // the comment belongs to the action, so that writing the action back keeps it on its line (a waiver covers its line)
        addAction(r.item().withNote(comments.toString()), line, text, EXPLICIT_ID.matcher(raw).find());
    }

    private void notes(ActionItemLine.Result r, Line line) {
        for (ActionItemLine.Note n : r.notes()) {
            problems.add(new FormatProblem(line.number(), "action item", n.message(), FormatProblem.Level.WARNING, n.suggestion(), FormatProblem.Kind.ATTRIBUTE));
        }
    }

    /** A row of an action table, as in the Google SRE book: Action Item | Type | Owner | Bug. */
    private void actionRow(Map<String, String> row, Line line, List<Line> text) {
        String summary = column(row, "action item", "action", "action items", "item", "task", "description", "summary", "what");
        if (summary == null) {
            problems.add(new FormatProblem(line.number(), "action item", "this table row has no action column (kept as text)", true));
            text.add(line);
            return;
        }
        StringBuilder l = new StringBuilder("- ");
        String status = column(row, "status", "done", "state");
        String bug = column(row, "bug", "ticket", "issue", "jira", "tracking");
        boolean done = isDone(status) || isDone(bug);
        l.append(done ? "[x] " : "[ ] ");
        String type = column(row, "type", "class", "priority", "kind");
        String typeLabel = null;
        if (type != null) {
            String t = type.toLowerCase(Locale.ROOT).strip();
            if (actionClasses.contains(t)) l.append('[').append(t).append("] ");
            else if (t.matches("[\\p{L}\\p{N}_-]+")) typeLabel = t;
        }
        l.append(summary);
        String owner = column(row, "owner", "assignee", "who", "owners");
        if (owner != null && !owner.equalsIgnoreCase("n/a") && !owner.equals("-")) {
            l.append(' ').append(owner.startsWith("@") ? owner : "@" + owner.replaceAll("\\s+", "."));
        }
        String due = column(row, "due", "due date", "deadline", "when");
        if (due != null) l.append(" due:").append(due);
        if (bug != null) {
            io.hindsight.core.model.IssueKey.firstIn(bug).ifPresent(key -> l.append(" ticket:").append(key.value()));
        }
        if (typeLabel != null) l.append(" labels:").append(typeLabel);
        ActionItemLine.Result r = ActionItemLine.parse(l.toString(), actionClasses);
        if (!r.ok()) {
            problems.add(new FormatProblem(line.number(), "action item", r.problem() + " (the row is kept as text, no ticket is made for it)", true));
            text.add(line);
            return;
        }
        notes(r, line);
        addAction(r.item(), line, text, false);
    }

    private static boolean isDone(String s) {
        return s != null && s.toLowerCase(Locale.ROOT).matches(".*\\b(done|closed|fixed|complete|completed|resolved|yes|✓|✔|x)\\b.*");
    }

    /**
     * An action written twice, identical in all but wording case and punctuation, is one action: the
     * second line shares the first's id, so one ticket serves both. Otherwise two actions never share
     * an id: a repeated derived id gets a suffix, a repeated explicit one is refused.
     */
    private void addAction(ActionItem item, Line line, List<Line> text, boolean explicitId) {
        for (int i = 0; i < actions.size(); i++) {
            if (originalIds.get(i).equals(item.id()) && sameAction(actions.get(i), item)) {
                actions.add(withId(item, actions.get(i).id()));
                originalIds.add(item.id());
                actionLines.add(line.number());
                return;
            }
        }
        ActionItem a = item;
        if (explicitId) {
            Integer first = explicitIds.putIfAbsent(a.id(), line.number());
            if (first != null) {
                problems.add(new FormatProblem(line.number(), "action item", "id:" + a.id() + " is already used on line " + first + "; give each action its own id (the line is kept as text)", true));
                text.add(line);
                return;
            }
        }
        String base = a.id();
        int n = 2;
        while (idTaken(a.id())) a = withId(a, base + "-" + n++);
        actions.add(a);
        originalIds.add(item.id());
        actionLines.add(line.number());
    }

    /** Same words (as the derived id sees them) and the same details; a ticket key on only one of them is no difference. */
    private static boolean sameAction(ActionItem a, ActionItem b) {
        return ActionItemLine.derivedId(a.summary()).equals(ActionItemLine.derivedId(b.summary()))
                && a.actionClass().equals(b.actionClass()) && Objects.equals(a.owner(), b.owner()) && Objects.equals(a.due(), b.due())
                && Objects.equals(a.project(), b.project()) && a.labels().equals(b.labels()) && a.done() == b.done()
                && (a.ticket() == null || b.ticket() == null || a.ticket().equals(b.ticket()));
    }

    private boolean idTaken(String id) {
        return actions.stream().anyMatch(x -> x.id().equals(id));
    }

    private static ActionItem withId(ActionItem a, String id) {
        return new ActionItem(id, a.actionClass(), a.summary(), a.owner(), a.due(), a.project(), a.labels(), a.done(), a.ticket(), a.note());
    }
}
