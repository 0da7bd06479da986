package io.hindsight.jira.web;

import com.atlassian.jira.issue.Issue;
import com.atlassian.plugin.web.ContextProvider;
import io.hindsight.jira.check.CheckService;
import io.hindsight.jira.queue.IssueKeys;
import io.hindsight.jira.web.view.CheckerPanelView;

import java.util.HashMap;
import java.util.Map;

/**
 * Gives the checker panel ({@code checker-panel.vm}) its view of the post-mortem on screen. The template
 * sees only {@code $panel}, an immutable view, never a service.
 */
public class CheckerPanelContextProvider implements ContextProvider {
    private final CheckService checks;

    public CheckerPanelContextProvider(CheckService checks) {
        this.checks = checks;
    }

    @Override
    public void init(Map<String, String> params) {
        // no parameters
    }

    @Override
    public Map<String, Object> getContextMap(Map<String, Object> context) {
        Map<String, Object> out = new HashMap<>(context);
        out.put("panel", panel(context.get("issue")));
        // a plain string: the panel's script asks the lint resource for this issue after an inline edit
        out.put("issueKey", context.get("issue") instanceof Issue i && IssueKeys.isKey(i.getKey()) ? IssueKeys.require(i.getKey()) : "");
        return out;
    }

    CheckerPanelView panel(Object issue) {
        if (!(issue instanceof Issue i) || !IssueKeys.isKey(i.getKey())) return CheckerPanelView.unreadable("hindsight.panel.no-issue");
        try {
            return checks.checkIssue(i.getKey()).map(CheckerPanelView::of)
                    .orElseGet(() -> CheckerPanelView.unreadable("hindsight.panel.no-issue"));
        } catch (RuntimeException e) {
            // the admin's YAML may be broken: the issue view still renders, and says where to look
            return CheckerPanelView.unreadable("hindsight.panel.config-broken");
        }
    }
}
