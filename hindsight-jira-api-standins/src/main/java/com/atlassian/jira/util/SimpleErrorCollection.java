package com.atlassian.jira.util;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Stand-in (jira-api): the real API's plain ErrorCollection. */
public class SimpleErrorCollection implements ErrorCollection {
    private final Map<String, String> errors = new LinkedHashMap<>();
    private final List<String> messages = new ArrayList<>();

    public SimpleErrorCollection() {
    }

    public void addError(String field, String message) {
        errors.put(field, message);
    }

    public void addErrorMessage(String message) {
        messages.add(message);
    }

    @Override
    public Map<String, String> getErrors() {
        return errors;
    }

    @Override
    public Collection<String> getErrorMessages() {
        return messages;
    }

    @Override
    public boolean hasAnyErrors() {
        return !errors.isEmpty() || !messages.isEmpty();
    }
}
