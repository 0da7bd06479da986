package io.hindsight.jira.port;

import io.hindsight.core.report.ReportData;

/** The remediation report over the site's post-mortems. */
public interface ReportSource {
    ReportData report() throws Exception;
}
