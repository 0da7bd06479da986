package io.hindsight.core.markdown;

/**
 * Something in a post-mortem's text Hindsight could not read as written.
 *
 * @param line    1-based line in the source, 0 when the source has no lines (a Jira field)
 * @param field   what was being read: a front-matter key, a section heading, "action item"
 * @param message what is wrong and how to fix it
 * @param error   true when the text was kept as plain text instead of being understood;
 *                false when Hindsight made an assumption (a time zone, say) and went on
 */
public record FormatProblem(int line, String field, String message, boolean error) {
}
