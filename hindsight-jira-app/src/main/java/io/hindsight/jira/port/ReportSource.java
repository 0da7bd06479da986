package io.hindsight.jira.port;

import io.hindsight.core.report.ReportData;

/** The remediation report (the core's BuildReport) over the post-mortems the signed-in user may see. */
public interface ReportSource {
    ReportData report();
}
