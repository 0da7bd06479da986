package com.atlassian.jira.bc.filter;

import com.atlassian.jira.bc.JiraServiceContext;
import com.atlassian.jira.issue.search.SearchRequest;
import com.atlassian.jira.user.ApplicationUser;
import java.util.Collection;

/** Stand-in (jira-api): saved filters. */
public interface SearchRequestService {
    Collection<SearchRequest> getOwnedFilters(ApplicationUser user);

    SearchRequest createFilter(JiraServiceContext serviceCtx, SearchRequest request);
}
