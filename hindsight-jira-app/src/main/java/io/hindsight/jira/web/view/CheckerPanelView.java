package io.hindsight.jira.web.view;

import io.hindsight.jira.check.CheckResult;

import java.util.List;

/** The checker panel on a post-mortem issue: findings and completeness, or why there are none. */
public final class CheckerPanelView {
    private final List<FindingView> findings;
    private final int errorCount;
    private final int percentFilled;
    private final List<String> missingSections;
    private final String templateName;
    private final String problem;

    private CheckerPanelView(List<FindingView> findings, int errorCount, int percentFilled, List<String> missingSections,
                             String templateName, String problem) {
        this.findings = List.copyOf(findings);
        this.errorCount = errorCount;
        this.percentFilled = percentFilled;
        this.missingSections = List.copyOf(missingSections);
        this.templateName = templateName;
        this.problem = problem;
    }

    public static CheckerPanelView of(CheckResult r) {
        return new CheckerPanelView(r.findings().stream().map(FindingView::new).toList(), r.errors().size(), r.percentFilled(),
                r.missingRequired(), r.templateName(), "");
    }

    /** The panel when the post-mortem could not be checked; {@code problem} says why. */
    public static CheckerPanelView unreadable(String problem) {
        return new CheckerPanelView(List.of(), 0, 0, List.of(), "", problem);
    }

    public List<FindingView> getFindings() {
        return findings;
    }

    public boolean hasFindings() {
        return !findings.isEmpty();
    }

    public int getErrorCount() {
        return errorCount;
    }

    public int getPercentFilled() {
        return percentFilled;
    }

    public List<String> getMissingSections() {
        return missingSections;
    }

    public boolean hasMissingSections() {
        return !missingSections.isEmpty();
    }

    public String getTemplateName() {
        return templateName;
    }

    public boolean isReadable() {
        return problem.isEmpty();
    }

    public String getProblem() {
        return problem;
    }
}
