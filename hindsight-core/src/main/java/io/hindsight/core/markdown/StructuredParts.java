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

    private final Set<String> actionClasses;
    private final List<FormatProblem> problems;

    final List<String> whys = new ArrayList<>();
    final List<Integer> whyLines = new ArrayList<>();
    final List<ContributingFactor> factors = new ArrayList<>();
    final List<Integer> factorLines = new ArrayList<>();
    final List<TimelineEntry> timeline = new ArrayList<>();
    final List<Integer> timelineLines = new ArrayList<>();
    private final List<ActionItem> actions = new ArrayList<>();
    final List<Integer> actionLines = new ArrayList<>();
    private final Map<String, Integer> explicitIds = new HashMap<>();

    StructuredParts(Set<String> actionClasses, List<FormatProblem> problems) {
        this.actionClasses = actionClasses;
        this.problems = problems;
    }

    List<ActionItem> actions() {
        return actions;
    }

    /** Reads the items of one structured section; returns the lines that are not items. */
    List<Line> read(SectionKind kind, List<Line> body, LocalDate date, ZoneId zone) {
        List<Line> text = new ArrayList<>();
        LocalDate day = date;
        ZoneId dayZone = zone;
        boolean inFence = false;
        List<String> tableHeader = null;
        for (int i = 0; i < body.size(); i++) {
            Line line = body.get(i);
            String t = line.text();
            if (MarkdownReader.isFence(t)) inFence = !inFence;
            if (inFence || MarkdownReader.isFence(t)) {
                text.add(line);
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
                continue;
            }
            tableHeader = null;
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
                text.add(line);
                continue;
            }
            String item = MarkdownReader.stripListMarker(t);
            if (kind != SectionKind.ACTION_ITEMS) {
                // wrapped list items carry on in indented lines
                while (i + 1 < body.size() && MarkdownReader.isContinuation(body.get(i + 1).text())) {
                    item = item + " " + body.get(++i).text().strip();
                }
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
                case ACTION_ITEMS -> action(t, line, text);
                default -> text.add(line);
            }
        }
        return text;
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

    private void action(String raw, Line line, List<Line> text) {
        ActionItemLine.Result r = ActionItemLine.parse(raw, actionClasses);
        if (!r.ok()) {
            problems.add(new FormatProblem(line.number(), "action item", r.problem() + " (the line is kept as text, no ticket is made for it)", true));
            text.add(line);
            return;
        }
        addAction(r.item(), line, text, EXPLICIT_ID.matcher(raw).find());
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
        addAction(r.item(), line, text, false);
    }

    private static boolean isDone(String s) {
        return s != null && s.toLowerCase(Locale.ROOT).matches(".*\\b(done|closed|fixed|complete|completed|resolved|yes|✓|✔|x)\\b.*");
    }

    /** Two actions never share an id: a repeated derived id gets a suffix, a repeated explicit one is refused. */
    private void addAction(ActionItem item, Line line, List<Line> text, boolean explicitId) {
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
        actionLines.add(line.number());
    }

    private boolean idTaken(String id) {
        return actions.stream().anyMatch(x -> x.id().equals(id));
    }

    private static ActionItem withId(ActionItem a, String id) {
        return new ActionItem(id, a.actionClass(), a.summary(), a.owner(), a.due(), a.project(), a.labels(), a.done(), a.ticket());
    }
}
