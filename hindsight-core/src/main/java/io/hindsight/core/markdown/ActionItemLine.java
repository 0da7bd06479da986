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
    private static final Pattern CHECKBOX = Pattern.compile("^\\[([ xX✓✔])]\\s*");
    private static final Pattern CLASS = Pattern.compile("^\\[([\\p{L}][\\p{L}\\p{N}_-]*)]\\s*");
    private static final Pattern KEY_SPACING = Pattern.compile("(?i)(?<=^|\\s)(due|project|labels?|id|ticket|owner)\\s*:\\s*");
    private static final Pattern OWNER = Pattern.compile("^@([\\p{L}\\p{N}][\\p{L}\\p{N}._'-]*[\\p{L}\\p{N}]|[\\p{L}\\p{N}])$");
    private static final Pattern PROJECT_KEY = Pattern.compile("[A-Z][A-Z0-9_]{1,9}");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern LABEL = Pattern.compile("[^\\s,]{1,255}");

    private ActionItemLine() {
    }

    /** The outcome of reading one line: an item, or a message saying what to fix. */
    public record Result(ActionItem item, String problem) {
        public boolean ok() {
            return item != null;
        }
    }

    /** Whether the line is a Markdown list item at all. */
    public static boolean isListItem(String line) {
        return LIST_MARKER.matcher(line).find();
    }

    /**
     * Reads one line. The id is the author's {@code id:} when given, else derived from the summary.
     *
     * @param classes the action classes this site allows, lower case
     */
    public static Result parse(String line, Set<String> classes) {
        String rest = LIST_MARKER.matcher(line).replaceFirst("").strip();
        boolean done = false;
        Matcher cb = CHECKBOX.matcher(rest);
        if (cb.find()) {
            done = !cb.group(1).isBlank();
            rest = rest.substring(cb.end());
        }
        String actionClass = null;
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

        List<String> words = new ArrayList<>();
        String owner = null;
        LocalDate due = null;
        String project = null;
        String id = null;
        String ticket = null;
        List<String> labels = new ArrayList<>();
        for (String token : rest.split("\\s+")) {
            if (token.isEmpty()) continue;
            String lower = token.toLowerCase(Locale.ROOT);
            if (token.startsWith("@") && token.length() > 1) {
                String name = token.replaceAll("[.,;:!?)]+$", "");
                if (!OWNER.matcher(name).matches()) return fail("owner " + token + " is not a user name; write @name");
                if (owner != null) return fail("two owners (@" + owner + " and " + name + "); an action has one owner");
                owner = name.substring(1);
            } else if (lower.startsWith("owner:")) {
                String name = token.substring(6);
                if (!OWNER.matcher("@" + name).matches()) return fail("owner:" + name + " is not a user name");
                if (owner != null) return fail("two owners (@" + owner + " and " + name + "); an action has one owner");
                owner = name;
            } else if (lower.startsWith("due:")) {
                var date = TimeFormats.date(token.substring(4));
                if (date.isEmpty()) return fail("due date '" + token.substring(4) + "' is not a date; write due:YYYY-MM-DD");
                due = date.get();
            } else if (lower.startsWith("project:")) {
                String key = token.substring(8).toUpperCase(Locale.ROOT);
                if (!PROJECT_KEY.matcher(key).matches()) return fail("project '" + token.substring(8) + "' is not a Jira project key; write project:OPS");
                project = key;
            } else if (lower.startsWith("labels:") || lower.startsWith("label:")) {
                for (String l : token.substring(token.indexOf(':') + 1).split(",")) {
                    if (l.isBlank()) continue;
                    if (!LABEL.matcher(l).matches()) return fail("label '" + l + "' is not a Jira label");
                    labels.add(l);
                }
            } else if (lower.startsWith("id:")) {
                String v = token.substring(3);
                if (!ID.matcher(v).matches()) return fail("id '" + v + "' may only use letters, digits, '.', '_' and '-'");
                id = v;
            } else if (lower.startsWith("ticket:")) {
                String v = token.substring(7).toUpperCase(Locale.ROOT);
                if (!io.hindsight.core.model.IssueKey.isKey(v)) return fail("ticket '" + token.substring(7) + "' is not an issue key; write ticket:OPS-123");
                ticket = v;
            } else {
                words.add(token);
            }
        }
        String summary = String.join(" ", words).strip();
        if (summary.isEmpty()) return fail("the action has no summary: say what will be done");
        if (summary.length() > 255) return fail("the summary is " + summary.length() + " characters; Jira allows 255");
        return new Result(new ActionItem(id == null ? derivedId(summary) : id, actionClass, summary, owner, due,
                project, labels, done, ticket), null);
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
