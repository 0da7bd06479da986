package io.hindsight.core.model;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Jira issue key such as {@code PM-12}: the one rule for what a key looks like, checked wherever a key
 * comes in (a file, a form, the API, a webhook) and relied on wherever one goes out (JQL, links).
 * Jira's own rule: the project key starts with a capital letter and goes on with capitals, digits or
 * underscores, two characters at least; its length limit is a site setting, so only an outer bound is
 * kept here. The issue number starts at 1.
 */
public record IssueKey(String value) implements Comparable<IssueKey> {
    public static final Pattern PATTERN = Pattern.compile("[A-Z][A-Z0-9_]{1,254}-[1-9][0-9]{0,17}");
    private static final Pattern IN_TEXT = Pattern.compile("\\b(" + PATTERN.pattern() + ")\\b");

    public IssueKey {
        if (value == null || !PATTERN.matcher(value).matches()) throw new IllegalArgumentException("not a Jira issue key: '" + value + "'");
    }

    /** @throws IllegalArgumentException naming the value when it is not a key */
    public static IssueKey of(String value) {
        return new IssueKey(value);
    }

    public static Optional<IssueKey> parse(String value) {
        return isKey(value) ? Optional.of(new IssueKey(value)) : Optional.empty();
    }

    public static boolean isKey(String value) {
        return value != null && PATTERN.matcher(value).matches();
    }

    /** The first key standing on its own in free text ("see OPS-7."), if any. */
    public static Optional<IssueKey> firstIn(String text) {
        if (text == null) return Optional.empty();
        Matcher m = IN_TEXT.matcher(text);
        return m.find() ? Optional.of(new IssueKey(m.group(1))) : Optional.empty();
    }

    /** {@code PM} of {@code PM-12}. */
    public String project() {
        return value.substring(0, value.lastIndexOf('-'));
    }

    public long number() {
        return Long.parseLong(value.substring(value.lastIndexOf('-') + 1));
    }

    /** OPS-9 before OPS-10: project, then number. */
    @Override
    public int compareTo(IssueKey o) {
        int p = project().compareTo(o.project());
        return p != 0 ? p : Long.compare(number(), o.number());
    }

    @Override
    public String toString() {
        return value;
    }
}
