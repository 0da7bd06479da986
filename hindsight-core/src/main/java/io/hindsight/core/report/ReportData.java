package io.hindsight.core.report;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Everything a report shows: the per-severity rows, one line per post-mortem, and what recurs across
 * them (contributing-factor categories, affected services).
 */
public record ReportData(LocalDate asOf, List<ReportRow> rows, List<PostMortemLine> postMortems, List<Recurring> causes, List<Recurring> services) {
    public ReportData {
        rows = List.copyOf(rows);
        postMortems = List.copyOf(postMortems);
        causes = List.copyOf(causes);
        services = List.copyOf(services);
    }

    /** One post-mortem: when it started, how long it took to resolve, and how its remediation stands. */
    public record PostMortemLine(String key, String title, String severity, Optional<LocalDate> started, Optional<Duration> toResolve,
                                 int actionsOpen, int actionsDone, int actionsOverdue) {
    }

    /**
     * Something several post-mortems share.
     *
     * @param name        a factor category id ("monitoring-gap") or a service name
     * @param postMortems the keys of the post-mortems that name it, oldest first
     */
    public record Recurring(String name, List<String> postMortems) {
        public Recurring {
            postMortems = List.copyOf(postMortems);
        }

        public int count() {
            return postMortems.size();
        }
    }
}
