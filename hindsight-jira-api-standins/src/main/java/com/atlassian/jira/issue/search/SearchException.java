package com.atlassian.jira.issue.search;

/** Stand-in (jira-api). */
public class SearchException extends Exception {
    public SearchException(String message) {
        super(message);
    }
}
