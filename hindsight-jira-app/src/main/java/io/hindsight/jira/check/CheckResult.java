package io.hindsight.jira.check;

import io.hindsight.core.lint.Finding;
import io.hindsight.core.lint.Level;
import io.hindsight.core.lint.LintReport;
import io.hindsight.core.template.CompletenessReport;
import io.hindsight.core.usecase.LintResult;

import java.util.List;

/** What the checker says of one post-mortem: its findings and how far it fills in its template. */
public record CheckResult(List<Finding> findings, String templateId, String templateName, int percentFilled,
                          List<String> missingRequired) {
    public CheckResult {
        findings = List.copyOf(findings);
        missingRequired = List.copyOf(missingRequired);
    }

    static CheckResult of(LintResult lint) {
        return of(lint.report(), CompletenessReport.of(lint.parsed().postMortem(), lint.template()));
    }

    private static CheckResult of(LintReport report, CompletenessReport completeness) {
        return new CheckResult(report.findings(), completeness.template().id(), completeness.template().name(),
                completeness.percentFilled(),
                completeness.missingRequired().stream().map(e -> e.section().heading() == null ? e.section().kind().heading() : e.section().heading()).toList());
    }

    /** The same check with other findings (the same ones, told differently). */
    public CheckResult withFindings(List<Finding> other) {
        return new CheckResult(other, templateId, templateName, percentFilled, missingRequired);
    }

    public List<Finding> errors() {
        return findings.stream().filter(f -> f.level() == Level.ERROR).toList();
    }

    public boolean hasErrors() {
        return !errors().isEmpty();
    }
}
