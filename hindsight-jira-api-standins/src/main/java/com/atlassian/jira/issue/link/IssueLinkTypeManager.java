package com.atlassian.jira.issue.link;

import java.util.Collection;

/** Stand-in (jira-api). */
public interface IssueLinkTypeManager {
    Collection<IssueLinkType> getIssueLinkTypesByName(String name);

    void createIssueLinkType(String name, String outward, String inward, String style);
}
