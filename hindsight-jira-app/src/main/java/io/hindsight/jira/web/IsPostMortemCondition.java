package io.hindsight.jira.web;

import com.atlassian.jira.issue.Issue;
import com.atlassian.plugin.web.Condition;
import io.hindsight.jira.jira.JiraPostMortems;

import java.util.Map;

/** Shows a web fragment only on issues of the Post-mortem type. */
public class IsPostMortemCondition implements Condition {
    @Override
    public void init(Map<String, String> params) {
        // no parameters
    }

    @Override
    public boolean shouldDisplay(Map<String, Object> context) {
        return context.get("issue") instanceof Issue issue && JiraPostMortems.isPostMortem(issue);
    }
}
