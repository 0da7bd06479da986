package io.hindsight.jira.web;

import com.atlassian.jira.issue.Issue;
import com.atlassian.plugin.web.Condition;

import java.util.Map;

/** Shows "Start a post-mortem" on every issue but a post-mortem itself. */
public class IsNotPostMortemCondition implements Condition {
    private final IsPostMortemCondition postMortem = new IsPostMortemCondition();

    @Override
    public void init(Map<String, String> params) {
        // no parameters
    }

    @Override
    public boolean shouldDisplay(Map<String, Object> context) {
        return context.get("issue") instanceof Issue && !postMortem.shouldDisplay(context);
    }
}
