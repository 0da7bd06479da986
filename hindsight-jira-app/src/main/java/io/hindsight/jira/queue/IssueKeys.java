package io.hindsight.jira.queue;

import io.hindsight.core.model.IssueKey;

import java.util.Locale;

/**
 * Issue keys as people type them into forms and URLs ("pm-12 "): stripped and upper-cased, then held to
 * the core's one key rule ({@link IssueKey}).
 */
public final class IssueKeys {
    private IssueKeys() {
    }

    /** The key in canonical (upper) case; a clear error names what was wrong. */
    public static String require(String key) {
        String k = canonical(key);
        if (!IssueKey.isKey(k)) throw new IllegalArgumentException("'" + (key == null ? "" : key) + "' is not a Jira issue key such as PM-12");
        return k;
    }

    public static boolean isKey(String key) {
        return IssueKey.isKey(canonical(key));
    }

    private static String canonical(String key) {
        return key == null ? "" : key.strip().toUpperCase(Locale.ROOT);
    }
}
