package com.atlassian.query;

/** Stand-in (jira-api, atlassian-query): a parsed JQL query. */
public interface Query {
}
