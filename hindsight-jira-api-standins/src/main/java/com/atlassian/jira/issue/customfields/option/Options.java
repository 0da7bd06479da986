package com.atlassian.jira.issue.customfields.option;

import java.util.List;

/** Stand-in (jira-api): a field configuration's options; a List in the real API too. */
public interface Options extends List<Option> {
}
