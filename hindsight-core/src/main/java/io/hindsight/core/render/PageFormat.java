package io.hindsight.core.render;

/**
 * The helpers a page template calls as {@code $fmt}: each returns {@link Trusted} markup built from
 * escaped parts, for one output format (Confluence storage or HTML preview).
 */
public interface PageFormat {
    /** Section text (Markdown) as blocks. */
    Trusted markdown(String markdown);

    /** Short Markdown (a why, a timeline entry) without a surrounding paragraph. */
    Trusted inline(String markdown);

    Trusted status(PageView.Lozenge lozenge);

    /** A link when the URL is a safe http(s) URL, else the text alone. */
    Trusted link(String url, String text);

    /** The live list of remediation tickets selected by a JQL query. */
    Trusted jiraIssues(String jql);

    /** An informational note. */
    Trusted info(String text);
}
