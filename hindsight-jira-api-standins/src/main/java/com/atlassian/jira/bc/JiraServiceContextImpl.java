package com.atlassian.jira.bc;

import com.atlassian.jira.user.ApplicationUser;
import com.atlassian.jira.util.ErrorCollection;
import com.atlassian.jira.util.SimpleErrorCollection;

/** Stand-in (jira-api): a class in the real API, with this constructor. */
public class JiraServiceContextImpl implements JiraServiceContext {
    private final ApplicationUser user;
    private final ErrorCollection errors = new SimpleErrorCollection();

    public JiraServiceContextImpl(ApplicationUser user) {
        this.user = user;
    }

    @Override
    public ErrorCollection getErrorCollection() {
        return errors;
    }

    @Override
    public ApplicationUser getLoggedInApplicationUser() {
        return user;
    }
}
