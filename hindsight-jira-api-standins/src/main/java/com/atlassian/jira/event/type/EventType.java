package com.atlassian.jira.event.type;

/** Stand-in (jira-api): the event type ids the app tells apart. */
public final class EventType {
    public static final Long ISSUE_CREATED_ID = 1L;
    public static final Long ISSUE_UPDATED_ID = 2L;
    public static final Long ISSUE_DELETED_ID = 8L;

    private EventType() {
    }
}
