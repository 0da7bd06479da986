package io.hindsight.jira.rest;

/** The body of {@code POST /lint}: a post-mortem in Markdown, or the key of a post-mortem issue. */
public class LintRequest {
    private String markdown;
    private String issueKey;
    private String name;

    public String getMarkdown() {
        return markdown;
    }

    public void setMarkdown(String markdown) {
        this.markdown = markdown;
    }

    public String getIssueKey() {
        return issueKey;
    }

    public void setIssueKey(String issueKey) {
        this.issueKey = issueKey;
    }

    /** A file name to show in messages; optional. */
    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }
}
