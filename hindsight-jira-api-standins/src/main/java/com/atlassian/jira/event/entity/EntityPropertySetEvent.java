package com.atlassian.jira.event.entity;

/** Stand-in (jira-api): only named in a generic bound of JsonEntityPropertyManager.put. */
public interface EntityPropertySetEvent {
}
