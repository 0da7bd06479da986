package com.atlassian.jira.issue.fields.screen;

import java.util.Collection;

/** Stand-in (jira-api). */
public interface FieldScreenManager {
    Collection<FieldScreen> getFieldScreens();
}
