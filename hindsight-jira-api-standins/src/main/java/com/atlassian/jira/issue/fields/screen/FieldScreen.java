package com.atlassian.jira.issue.fields.screen;

import java.util.List;

/** Stand-in (jira-api). */
public interface FieldScreen {
    Long getId();

    String getName();

    List<FieldScreenTab> getTabs();

    boolean containsField(String fieldId);
}
