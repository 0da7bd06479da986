package io.hindsight.jira.web.view;

import io.hindsight.core.report.ReportData;

/** One post-mortem's line. */
public final class ReportLineView {
    private final String key;
    private final String title;
    private final String severity;
    private final int actionsOpen;
    private final int actionsOverdue;

    ReportLineView(ReportData.PostMortemLine l) {
        this.key = l.key();
        this.title = l.title();
        this.severity = l.severity();
        this.actionsOpen = l.actionsOpen();
        this.actionsOverdue = l.actionsOverdue();
    }

    public String getKey() {
        return key;
    }

    public String getTitle() {
        return title;
    }

    public String getSeverity() {
        return severity;
    }

    public int getActionsOpen() {
        return actionsOpen;
    }

    public int getActionsOverdue() {
        return actionsOverdue;
    }
}
