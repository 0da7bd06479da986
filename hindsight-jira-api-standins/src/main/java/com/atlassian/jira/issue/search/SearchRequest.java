package com.atlassian.jira.issue.search;

import com.atlassian.jira.user.ApplicationUser;
import com.atlassian.query.Query;

/** Stand-in (jira-api): a saved filter. A class in the real API, with this constructor. */
public class SearchRequest {
    private final Query query;
    private final ApplicationUser owner;
    private final String name;
    private final String description;

    public SearchRequest(Query query, ApplicationUser owner, String name, String description) {
        this.query = query;
        this.owner = owner;
        this.name = name;
        this.description = description;
    }

    public Long getId() {
        return null;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    public Query getQuery() {
        return query;
    }

    public ApplicationUser getOwner() {
        return owner;
    }
}
