package io.hindsight.jira.web.view;

import io.hindsight.core.report.ReportRow;

/** One severity's row. */
public final class ReportRowView {
    private final String group;
    private final int postMortems;
    private final String toResolve;
    private final int actionsOpen;
    private final int actionsOverdue;

    ReportRowView(ReportRow r) {
        this.group = r.group();
        this.postMortems = r.postMortems();
        this.toResolve = ReportView.hours(r.toResolve());
        this.actionsOpen = r.actionsOpen();
        this.actionsOverdue = r.actionsOverdue();
    }

    public String getGroup() {
        return group;
    }

    public int getPostMortems() {
        return postMortems;
    }

    public String getToResolve() {
        return toResolve;
    }

    public int getActionsOpen() {
        return actionsOpen;
    }

    public int getActionsOverdue() {
        return actionsOverdue;
    }
}
