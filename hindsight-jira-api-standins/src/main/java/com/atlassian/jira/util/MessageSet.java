package com.atlassian.jira.util;

import java.util.Set;

/** Stand-in (jira-api). */
public interface MessageSet {
    Set<String> getErrorMessages();
}
