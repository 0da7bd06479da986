package com.atlassian.jira.config;

import com.atlassian.jira.issue.priority.Priority;
import java.util.List;

/** Stand-in (jira-api). */
public interface PriorityManager {
    List<Priority> getPriorities();
}
