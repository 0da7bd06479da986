package com.atlassian.jira.issue.label;

/** Stand-in (jira-api): a class in the real API, with this constructor. */
public class Label {
    private final Long id;
    private final Long issue;
    private final String label;

    public Label(Long id, Long issue, String label) {
        this.id = id;
        this.issue = issue;
        this.label = label;
    }

    public Long getId() {
        return id;
    }

    public String getLabel() {
        return label;
    }
}
