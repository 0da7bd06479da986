package io.hindsight.core.render;

import java.util.regex.Pattern;

/**
 * Building JQL from values: every value is a quoted, escaped string; issue and project keys are
 * validated before they are used, so no user text can change the query's structure.
 */
public final class Jql {
    private static final Pattern PROJECT_KEY = io.hindsight.core.model.ProjectKey.PATTERN;

    private Jql() {
    }

    /** A JQL string literal: double quotes, with backslash, quote and line breaks escaped. */
    public static String quote(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : Xml.clean(value).toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }

    public static String issueKey(String key) {
        return io.hindsight.core.model.IssueKey.of(key).value();
    }

    public static String projectKey(String key) {
        if (key == null || !PROJECT_KEY.matcher(key).matches()) throw new IllegalArgumentException("not a Jira project key: '" + key + "'");
        return key;
    }

    /** {@code issue in linkedIssues("PM-12", "is remediated by")}: the post-mortem's remediation tickets. */
    public static String linkedIssues(String issueKey, String linkDescription) {
        return "issue in linkedIssues(" + quote(issueKey(issueKey)) + ", " + quote(linkDescription) + ")";
    }
}
