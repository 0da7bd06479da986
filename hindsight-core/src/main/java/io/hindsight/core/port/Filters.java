package io.hindsight.core.port;

import java.util.Locale;

/** The rule for the JQL a person may give to narrow post-mortems (reports, backfills). */
public final class Filters {
    private Filters() {
    }

    /**
     * The filter as given, when it may be used: it is ANDed with the post-mortem issue type, so an
     * {@code ORDER BY} in it would break the query; the store sorts by key itself.
     *
     * @throws IllegalArgumentException saying what to change
     */
    public static String checked(String jql) {
        if (jql != null && jql.toLowerCase(Locale.ROOT).matches("(?s).*\\border\\s+by\\b.*")) {
            throw new IllegalArgumentException("the JQL filter must not have ORDER BY (it is ANDed with the post-mortem issue type): " + jql);
        }
        return jql == null || jql.isBlank() ? null : jql;
    }
}
