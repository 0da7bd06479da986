package io.hindsight.core.report;

import java.time.Duration;
import java.util.Optional;

/**
 * One line of the remediation report: the post-mortems of one severity (or all of them).
 *
 * @param group            "SEV1" .. "SEV4", or "all"
 * @param toDetect         median time from start to detection over the post-mortems that record both; empty when none do
 * @param actionsUntracked action items that have no remediation ticket yet (a sync has not run, or failed)
 */
public record ReportRow(String group, int postMortems, Optional<Duration> toDetect, Optional<Duration> toMitigate,
                        Optional<Duration> toResolve, int actionsOpen, int actionsDone, int actionsOverdue, int actionsUntracked) {
}
