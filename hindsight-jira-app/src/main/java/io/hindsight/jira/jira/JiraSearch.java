package io.hindsight.jira.jira;

import com.atlassian.jira.bc.issue.search.SearchService;
import com.atlassian.jira.issue.Issue;
import com.atlassian.jira.issue.search.SearchException;
import com.atlassian.jira.user.ApplicationUser;
import com.atlassian.jira.web.bean.PagerFilter;

import java.util.List;

/** A JQL search as a user, with Jira's own words when the query does not parse. */
final class JiraSearch {
    private JiraSearch() {
    }

    static List<Issue> search(SearchService search, ApplicationUser user, String jql, int limit) {
        SearchService.ParseResult parsed = search.parseQuery(user, jql);
        if (!parsed.isValid()) {
            throw new IllegalArgumentException("Jira cannot read the query " + jql + ": " + String.join("; ", parsed.getErrors().getErrorMessages()));
        }
        try {
            List<Issue> results = search.search(user, parsed.getQuery(), new PagerFilter<>(limit)).getResults();
            return results == null ? List.of() : results;
        } catch (SearchException e) {
            throw new IllegalStateException("Jira's search failed for " + jql + ": " + e.getMessage(), e);
        }
    }
}
