package io.hindsight.core.model;

import java.util.regex.Pattern;

/**
 * What a Jira project key looks like under Jira's default rule (Administration > System > Project key
 * pattern): an upper-case letter, then upper-case letters, digits or underscores, 2 to 10 characters in all.
 * One definition for every place that reads a key a person wrote: an action's {@code project:}, the SLO
 * policy, the JQL Hindsight builds, the Jira app's settings.
 */
public final class ProjectKey {
    public static final Pattern PATTERN = Pattern.compile("[A-Z][A-Z0-9_]{1,9}");

    private ProjectKey() {
    }

    public static boolean isValid(String key) {
        return key != null && PATTERN.matcher(key).matches();
    }
}
