package com.atlassian.jira.project;

/** Stand-in (jira-api). */
public interface ProjectManager {
    Project getProjectObjByKey(String projectKey);
}
