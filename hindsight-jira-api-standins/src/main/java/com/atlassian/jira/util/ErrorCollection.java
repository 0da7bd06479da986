package com.atlassian.jira.util;

import java.util.Collection;
import java.util.Map;

/** Stand-in (jira-api): field errors (field id to message) and general messages. */
public interface ErrorCollection {
    Map<String, String> getErrors();

    Collection<String> getErrorMessages();

    boolean hasAnyErrors();
}
