package com.atlassian.jira.issue.search;

import com.atlassian.jira.web.bean.PagerFilter;
import java.util.List;

/** Stand-in (jira-api): one page of a search; generic since Jira 8. */
public class SearchResults<T> {
    private final List<T> results;
    private final int total;

    public SearchResults(List<T> results, int total, int maxIssueResultsHitLimit, PagerFilter pagerFilter) {
        this.results = results;
        this.total = total;
    }

    public List<T> getResults() {
        return results;
    }

    public int getTotal() {
        return total;
    }
}
