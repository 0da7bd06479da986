package io.hindsight.core.markdown;

import io.hindsight.core.model.ActionItem;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one-line grammar of an action item, the same in a Markdown file and in Jira's "Action items" field:
 * <pre>- [ ] [priority] Alert on replication lag above 60 s @maria due:2026-12-20 project:OPS</pre>
 * Checkbox, class, owner, due date, project, labels, id and ticket are all optional; the rest is the
 * summary. Case and spacing are forgiven ("Due: 2026-12-20", "[X]", "[Priority]").
 */
public final class ActionItemLine {
    private static final Pattern LIST_MARKER = Pattern.compile("^\\s*(?:[-*+]|\\d+[.)])\\s+");
    /** "[ ]", "[]", "[x]", "[ x ]", "[X]", "[✓]": what people type for a checkbox. */
    private static final Pattern CHECKBOX = Pattern.compile("^\\[\\s*([xX✓✔])?\\s*]\\s*");
    /** "[-]", "[/]", "[~]", "[?]": other tools' states (cancelled, in progress), which Hindsight cannot guess. */
    private static final Pattern ODD_BOX = Pattern.compile("^\\[\\s*[^\\]\\p{L}\\p{N}\\s]{1,2}\\s*]");
    private static final Pattern CLASS = Pattern.compile("^\\[([\\p{L}][\\p{L}\\p{N}_-]*)]\\s*");
    private static final Pattern KEY_VALUE = Pattern.compile("([A-Za-z][A-Za-z_-]*):(\\S+)");
    private static final Pattern LABEL_WORD = Pattern.compile("([A-Za-z][A-Za-z_-]*):");
    private static final Set<String> CANONICAL = Set.of("due", "project", "labels", "label", "id", "ticket", "owner");
    private static final Set<String> URL_SCHEMES = Set.of("http", "https", "ftp", "mailto", "file", "tel", "urn", "ssh", "git", "s3");
    /**
     * Names people use for an attribute, and the attribute they mean ("class" for the action class,
     * "done" for the checkbox). Those in {@link #ANYWHERE} are read wherever they stand; the others
     * only among the trailing attributes, since they are also ordinary words ("date", "issue").
     */
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("duedate", "due"), Map.entry("due_date", "due"), Map.entry("due-date", "due"), Map.entry("dueby", "due"),
            Map.entry("due_by", "due"), Map.entry("deadline", "due"), Map.entry("eta", "due"), Map.entry("date", "due"),
            Map.entry("by", "due"), Map.entry("until", "due"), Map.entry("when", "due"),
            Map.entry("assignee", "owner"), Map.entry("assigned_to", "owner"), Map.entry("assigned-to", "owner"), Map.entry("assigned", "owner"),
            Map.entry("who", "owner"), Map.entry("dri", "owner"), Map.entry("responsible", "owner"),
            Map.entry("tags", "labels"), Map.entry("tag", "labels"),
            Map.entry("jira", "ticket"), Map.entry("issue", "ticket"), Map.entry("bug", "ticket"), Map.entry("key", "ticket"),
            Map.entry("proj", "project"),
            Map.entry("prio", "class"), Map.entry("priority", "class"), Map.entry("type", "class"), Map.entry("class", "class"),
            Map.entry("kind", "class"), Map.entry("severity", "class"), Map.entry("sev", "class"),
            Map.entry("status", "done"), Map.entry("state", "done"), Map.entry("done", "done"));
    private static final Set<String> ANYWHERE = Set.of("duedate", "due_date", "due-date", "dueby", "due_by", "deadline",
            "assignee", "assigned_to", "assigned-to", "tags", "prio", "priority");
    /** "due: 2026-12-01", "Owner : @ana": spacing forgiven for the attributes and the unmistakable misspellings. */
    private static final Pattern KEY_SPACING = Pattern.compile("(?i)(?<=^|\\s)(due|project|labels?|id|ticket|owner|prio|priority)\\s*:\\s*");
    /**
     * The same for misspellings, but only before a value of the right shape: "deadline: 2026-12-01",
     * "assignee: @ana", "tags: db,lag"; "agree a deadline: by Friday" is prose.
     */
    private static final Pattern ALIAS_SPACING = Pattern.compile("(?i)(?<=^|\\s)(?:(duedate|due_date|due-date|dueby|due_by|deadline)\\s*:\\s*(?=\\d)"
            + "|(assignee|assigned_to|assigned-to)\\s*:\\s*(?=@)|(tags)\\s*:\\s*(?=[^\\s,]+,|\\S+$))");
    private static final Pattern OWNER = Pattern.compile("^@([\\p{L}\\p{N}][\\p{L}\\p{N}._'-]*[\\p{L}\\p{N}]|[\\p{L}\\p{N}])$");
    private static final Pattern PROJECT_KEY = io.hindsight.core.model.ProjectKey.PATTERN;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern LABEL = Pattern.compile("[^\\s,]{1,255}");

    private ActionItemLine() {
    }

    /**
     * The outcome of reading one line: an item, or a message saying what to fix; with an item, notes on
     * what was read by assuming (a misspelt attribute read as the right one).
     */
    public record Result(ActionItem item, String problem, List<Note> notes) {
        public Result {
            notes = notes == null ? List.of() : List.copyOf(notes);
        }

        public Result(ActionItem item, String problem) {
            this(item, problem, List.of());
        }

        public boolean ok() {
            return item != null;
        }
    }

    /** Something read by assuming, and what to write so it needs no assumption. */
    public record Note(String message, String suggestion) {
    }

    /** Whether the line is a Markdown list item at all. */
    public static boolean isListItem(String line) {
        return LIST_MARKER.matcher(line).find();
    }

    /** Whether the list item has a checkbox, in any of the forms people type. */
    static boolean hasCheckbox(String line) {
        return CHECKBOX.matcher(LIST_MARKER.matcher(line).replaceFirst("").strip()).find();
    }

    /**
     * Reads one line. The id is the author's {@code id:} when given, else derived from the summary.
     * A misspelt attribute ({@code duedate:}, {@code assignee:}) is read as the right one with a note;
     * one Hindsight cannot place ({@code prio:high}, or an unknown {@code word:value} among the
     * attributes) makes the line unreadable rather than end up in a ticket summary.
     *
     * @param classes the action classes this site allows, lower case
     */
    public static Result parse(String line, Set<String> classes) {
        return new Reading(classes).read(line);
    }

    /** The state of reading one line. */
    private static final class Reading {
        private final Set<String> classes;
        private final List<Note> notes = new ArrayList<>();
        private String owner;
        private LocalDate due;
        private String project;
        private String id;
        private String ticket;
        private String actionClass;
        private final List<String> labels = new ArrayList<>();

        Reading(Set<String> classes) {
            this.classes = classes;
        }

        Result read(String line) {
            String rest = LIST_MARKER.matcher(ControlCharacters.clean(line).text()).replaceFirst("").strip();
            boolean done = false;
            Matcher cb = CHECKBOX.matcher(rest);
            if (cb.find()) {
                done = cb.group(1) != null;
                rest = rest.substring(cb.end());
            } else {
                Matcher odd = ODD_BOX.matcher(rest);
                if (odd.find()) {
                    return fail("'" + odd.group() + "' is not a checkbox; write [ ] for an open action or [x] for a done one");
                }
            }
            Matcher cl = CLASS.matcher(rest);
            if (cl.find()) {
                String c = cl.group(1).toLowerCase(Locale.ROOT);
                if (!classes.contains(c)) {
                    return fail("unknown action class [" + cl.group(1) + "]; use one of " + String.join(", ", sorted(classes)));
                }
                actionClass = c;
                rest = rest.substring(cl.end());
            }
            rest = KEY_SPACING.matcher(rest).replaceAll(m -> m.group(1).toLowerCase(Locale.ROOT) + ":");
            rest = ALIAS_SPACING.matcher(rest).replaceAll(m -> {
                String name = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
                return name.toLowerCase(Locale.ROOT) + ":";
            });

            List<String> tokens = new ArrayList<>();
            for (String token : rest.split("\\s+")) if (!token.isEmpty()) tokens.add(token);
            // attributes trail the summary: an unknown "word:value" there is meant as one, in the words it is not
            int zone = tokens.size();
            while (zone > 0 && attributeLike(tokens.get(zone - 1))) zone--;
            // an attribute among the trailing ones was read before this token; and one anywhere before it
            boolean attributeBefore = false;
            boolean anyAttributeBefore = false;
            List<String> words = new ArrayList<>();
            for (int i = 0; i < tokens.size(); i++) {
                String token = tokens.get(i);
                Matcher kv = KEY_VALUE.matcher(token);
                String key = kv.matches() && !URL_SCHEMES.contains(kv.group(1).toLowerCase(Locale.ROOT)) ? kv.group(1).toLowerCase(Locale.ROOT) : null;
                String problem;
                if (token.startsWith("@") && token.length() > 1) {
                    String name = token.replaceAll("[.,;:!?)]+$", "");
                    if (!OWNER.matcher(name).matches()) return fail("owner " + token + " is not a user name; write @name");
                    problem = owner(name.substring(1));
                } else if (key != null && CANONICAL.contains(key)) {
                    problem = attribute(key, kv.group(2), null);
                } else if (key != null && ALIASES.containsKey(key) && (ANYWHERE.contains(key) || i >= zone)) {
                    problem = attribute(ALIASES.get(key), kv.group(2), key);
                    if (problem != null && !ANYWHERE.contains(key) && !attributeBefore) {
                        // "Check the date:today" is words, not a misspelt due date
                        words.add(token);
                        continue;
                    }
                } else if (key != null && i >= zone && attributeBefore) {
                    problem = "'" + key + ":' is not an action attribute; Hindsight reads @owner, due:YYYY-MM-DD, project:KEY,"
                            + " labels:a,b, id: and ticket:KEY-1 (put other words in the summary without the colon)";
                } else {
                    Matcher label = LABEL_WORD.matcher(token);
                    if (anyAttributeBefore && label.matches()) {
                        // "@lee eta: Q1", "@bo Note: pages at night": meant as an attribute or a note, read as summary words
                        String k = label.group(1).toLowerCase(Locale.ROOT);
                        String hint = switch (ALIASES.getOrDefault(k, "")) {
                            case "due" -> "due:YYYY-MM-DD";
                            case "owner" -> "@name";
                            case "ticket" -> "ticket:KEY-123";
                            case "labels" -> "labels:a,b";
                            case "project" -> "project:KEY";
                            case "class" -> "[" + String.join("] or [", sorted(classes)) + "] after the checkbox";
                            default -> "Put it before the attributes without the colon, or on a line of its own outside the list";
                        };
                        notes.add(new Note("'" + token + "' comes after the attributes, so it and the words after it are read as part of"
                                + " the summary", hint));
                        anyAttributeBefore = false;
                    }
                    words.add(token);
                    continue;
                }
                if (problem != null) return fail(problem);
                if (i >= zone) attributeBefore = true;
                anyAttributeBefore = true;
            }
            String summary = String.join(" ", words).strip();
            if (summary.isEmpty()) return fail("the action has no summary: say what will be done");
            if (summary.length() > 255) return fail("the summary is " + summary.length() + " characters; Jira allows 255");
            return new Result(new ActionItem(id == null ? derivedId(summary) : id, actionClass, summary, owner, due,
                    project, labels, done, ticket), null, notes);
        }

        private String owner(String name) {
            if (owner != null) return "two owners (@" + owner + " and @" + name + "); an action has one owner";
            owner = name;
            return null;
        }

        /**
         * Reads one attribute; null when fine, else what to fix.
         *
         * @param alias the name the author used when it is not the attribute's own, else null
         */
        private String attribute(String name, String value, String alias) {
            String as = alias == null ? "" : "'" + alias + ":' is not an action attribute";
            switch (name) {
                case "owner" -> {
                    String n = value.startsWith("@") ? value.substring(1) : value;
                    n = n.replaceAll("[.,;:!?)]+$", "");
                    if (!OWNER.matcher("@" + n).matches()) return (alias == null ? "owner:" : alias + ":") + value + " is not a user name; write @name";
                    note(alias, "@" + n);
                    return owner(n);
                }
                case "due" -> {
                    var date = TimeFormats.date(value);
                    if (date.isEmpty()) return (alias == null ? "" : as + ", and ") + "due date '" + value + "' is not a date; write due:YYYY-MM-DD";
                    due = date.get();
                    note(alias, "due:" + due);
                    return null;
                }
                case "project" -> {
                    String key = value.toUpperCase(Locale.ROOT);
                    if (!PROJECT_KEY.matcher(key).matches()) return "project '" + value + "' is not a Jira project key; write project:OPS";
                    project = key;
                    note(alias, "project:" + key);
                    return null;
                }
                case "labels", "label" -> {
                    List<String> read = new ArrayList<>();
                    for (String l : value.split(",")) {
                        if (l.isBlank()) continue;
                        if (!LABEL.matcher(l).matches()) return "label '" + l + "' is not a Jira label";
                        read.add(l);
                    }
                    labels.addAll(read);
                    note(alias, "labels:" + String.join(",", read));
                    return null;
                }
                case "id" -> {
                    if (!ID.matcher(value).matches()) return "id '" + value + "' may only use letters, digits, '.', '_' and '-'";
                    id = value;
                    return null;
                }
                case "ticket" -> {
                    String v = value.toUpperCase(Locale.ROOT);
                    if (!io.hindsight.core.model.IssueKey.isKey(v)) return (alias == null ? "" : as + ", and ") + "ticket '" + value + "' is not an issue key; write ticket:OPS-123";
                    ticket = v;
                    note(alias, "ticket:" + v);
                    return null;
                }
                case "class" -> {
                    String c = value.toLowerCase(Locale.ROOT).replaceAll("^\\[|]$", "");
                    if (!classes.contains(c)) {
                        return as + ": an action's class goes in brackets after the checkbox, one of " + String.join(", ", sorted(classes).stream().map(x -> "[" + x + "]").toList())
                                + " ([priority] for the fix that stops it happening again; the ticket's priority comes from the SLO policy)";
                    }
                    if (actionClass != null && !actionClass.equals(c)) return "two classes ([" + actionClass + "] and " + alias + ":" + value + ")";
                    actionClass = c;
                    note(alias, "[" + c + "]");
                    return null;
                }
                case "done" -> {
                    return as + ": tick the checkbox, [x], for a done action";
                }
                default -> throw new IllegalStateException("no attribute " + name);
            }
        }

        private void note(String alias, String canonical) {
            if (alias == null) return;
            notes.add(new Note("'" + alias + ":' is not an action attribute; read as " + canonical, canonical));
        }
    }

    /** An attribute, or something written like one: "@name" or "word:value" (not a URL). */
    private static boolean attributeLike(String token) {
        if (token.startsWith("@") && token.length() > 1) return true;
        Matcher kv = KEY_VALUE.matcher(token);
        return kv.matches() && !URL_SCHEMES.contains(kv.group(1).toLowerCase(Locale.ROOT));
    }

    /** Writes the canonical line; {@code parse(format(item))} gives the item back. */
    public static String format(ActionItem item) {
        StringBuilder sb = new StringBuilder("- [").append(item.done() ? 'x' : ' ').append("] ");
        sb.append('[').append(item.actionClass()).append("] ");
        sb.append(item.summary());
        if (item.owner() != null) sb.append(" @").append(item.owner());
        if (item.due() != null) sb.append(" due:").append(item.due());
        if (item.project() != null) sb.append(" project:").append(item.project());
        if (!item.labels().isEmpty()) sb.append(" labels:").append(String.join(",", item.labels()));
        if (!item.id().equals(derivedId(item.summary()))) sb.append(" id:").append(item.id());
        if (item.ticket() != null) sb.append(" ticket:").append(item.ticket());
        if (item.note() != null) sb.append(' ').append(item.note());
        return sb.toString();
    }

    /**
     * A short id from the summary, so an action keeps its identity while nobody edits it. Whitespace,
     * case and trailing punctuation do not change it.
     */
    public static String derivedId(String summary) {
        String norm = summary.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(norm.getBytes(StandardCharsets.UTF_8));
            return "a" + HexFormat.of().formatHex(hash, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    private static Result fail(String message) {
        return new Result(null, message);
    }

    private static List<String> sorted(Set<String> set) {
        return set.stream().sorted().toList();
    }
}
