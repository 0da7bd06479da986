package com.atlassian.jira.exception;

/** Stand-in (jira-api). */
public class CreateException extends Exception {
    public CreateException(String message) {
        super(message);
    }
}
