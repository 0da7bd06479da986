package io.hindsight.core.port;

import java.util.Locale;

/**
 * The rule for the JQL a person may give to narrow post-mortems (reports, backfills): a store combines it
 * with its own filter as {@code (<filter>) AND (<the person's query>)}, so the person's query can only
 * narrow, never widen, what the store searches.
 */
public final class Filters {
    private Filters() {
    }

    /**
     * The filter as given, when it may be used: it is ANDed with the post-mortem issue type, so an
     * {@code ORDER BY} in it would break the query (the store sorts by key itself), and its brackets must
     * pair up outside quoted strings, or {@code project = PM) OR (project = OPS} would close the
     * store's bracket and reach issues that are no post-mortems.
     *
     * @throws IllegalArgumentException saying what to change
     */
    public static String checked(String jql) {
        if (jql == null || jql.isBlank()) return null;
        String outsideQuotes = outsideQuotes(jql);
        if (outsideQuotes.toLowerCase(Locale.ROOT).matches("(?s).*\\border\\s+by\\b.*")) {
            throw new IllegalArgumentException("the JQL filter must not have ORDER BY (it is ANDed with the post-mortem issue type): " + jql);
        }
        int depth = 0;
        for (int i = 0; i < outsideQuotes.length(); i++) {
            char c = outsideQuotes.charAt(i);
            if (c == '(') depth++;
            if (c == ')' && --depth < 0) {
                throw new IllegalArgumentException("the JQL filter's ')' at character " + (i + 1) + " closes a bracket that was never opened: " + jql);
            }
        }
        if (depth > 0) throw new IllegalArgumentException("the JQL filter opens " + depth + " bracket(s) it never closes: " + jql);
        return jql;
    }

    /** The filter with every quoted string blanked out (same length), so brackets and words inside quotes do not count. */
    private static String outsideQuotes(String jql) {
        StringBuilder sb = new StringBuilder(jql.length());
        char quote = 0;
        for (int i = 0; i < jql.length(); i++) {
            char c = jql.charAt(i);
            if (quote != 0) {
                if (c == '\\' && i + 1 < jql.length()) {
                    sb.append("  ");
                    i++;
                    continue;
                }
                if (c == quote) quote = 0;
                sb.append(' ');
            } else {
                if (c == '"' || c == '\'') quote = c;
                sb.append(quote != 0 ? ' ' : c);
            }
        }
        return sb.toString();
    }
}
