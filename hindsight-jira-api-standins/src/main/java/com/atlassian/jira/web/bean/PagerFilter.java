package com.atlassian.jira.web.bean;

/** Stand-in (jira-api): which page of results a search returns. */
public class PagerFilter<T> {
    private final int max;

    public PagerFilter(int max) {
        this.max = max;
    }

    public int getMax() {
        return max;
    }
}
