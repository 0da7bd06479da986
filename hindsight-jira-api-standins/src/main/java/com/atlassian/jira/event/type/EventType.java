package com.atlassian.jira.event.type;

/**
 * Stand-in (jira-api): the event type ids the app tells apart. The real type is a public, non-final
 * {@code @PublicApi} class with public constructors; only the one taking all four values is mirrored here.
 */
public class EventType {
    public static final Long ISSUE_CREATED_ID = 1L;
    public static final Long ISSUE_UPDATED_ID = 2L;
    public static final Long ISSUE_DELETED_ID = 8L;

    private final Long id;
    private final String name;

    public EventType(Long id, String name, String description, Long templateId) {
        this.id = id;
        this.name = name;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }
}
