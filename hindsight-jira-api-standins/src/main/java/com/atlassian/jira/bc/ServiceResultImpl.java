package com.atlassian.jira.bc;

import com.atlassian.jira.util.ErrorCollection;

/** Stand-in (jira-api). */
public class ServiceResultImpl implements ServiceResult {
    private final ErrorCollection errors;

    public ServiceResultImpl(ErrorCollection errors) {
        this.errors = errors;
    }

    @Override
    public boolean isValid() {
        return errors == null || !errors.hasAnyErrors();
    }

    @Override
    public ErrorCollection getErrorCollection() {
        return errors;
    }
}
