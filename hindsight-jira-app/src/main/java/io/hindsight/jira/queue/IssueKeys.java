package io.hindsight.jira.queue;

import java.util.Locale;
import java.util.regex.Pattern;

/** Jira issue keys as the app accepts them from events, REST calls and forms. */
public final class IssueKeys {
    private static final Pattern KEY = Pattern.compile("[A-Z][A-Z0-9_]{0,49}-[1-9][0-9]{0,12}");

    private IssueKeys() {
    }

    /** The key in canonical (upper) case; a clear error names what was wrong. */
    public static String require(String key) {
        String k = key == null ? "" : key.strip().toUpperCase(Locale.ROOT);
        if (!KEY.matcher(k).matches()) {
            throw new IllegalArgumentException("'" + (key == null ? "" : key) + "' is not a Jira issue key such as PM-12");
        }
        return k;
    }

    public static boolean isKey(String key) {
        return key != null && KEY.matcher(key.strip().toUpperCase(Locale.ROOT)).matches();
    }
}
