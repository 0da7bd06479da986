package io.hindsight.jira.web.view;

import io.hindsight.core.report.ReportData;
import io.hindsight.core.report.ReportRow;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The report page: a row per severity, a line per post-mortem the user may see, what recurs. */
public final class ReportView {
    private final String asOf;
    private final List<ReportRowView> rows;
    private final List<ReportLineView> lines;
    private final List<RecurringView> causes;
    private final String problem;

    private ReportView(String asOf, List<ReportRowView> rows, List<ReportLineView> lines, List<RecurringView> causes, String problem) {
        this.asOf = asOf;
        this.rows = List.copyOf(rows);
        this.lines = List.copyOf(lines);
        this.causes = List.copyOf(causes);
        this.problem = problem;
    }

    public static ReportView of(ReportData data, java.util.function.Predicate<String> canBrowse) {
        return new ReportView(data.asOf().toString(),
                data.rows().stream().map(ReportRowView::new).toList(),
                data.postMortems().stream().filter(l -> canBrowse.test(l.key())).map(ReportLineView::new).toList(),
                data.causes().stream().map(c -> new RecurringView(c.name(), (int) c.postMortems().stream().filter(canBrowse).count()))
                        .filter(r -> r.getCount() > 1).toList(),
                "");
    }

    public static ReportView unavailable(String problem) {
        return new ReportView("", List.of(), List.of(), List.of(), problem);
    }

    public String getAsOf() {
        return asOf;
    }

    public List<ReportRowView> getRows() {
        return rows;
    }

    public List<ReportLineView> getLines() {
        return lines;
    }

    public List<RecurringView> getCauses() {
        return causes;
    }

    public boolean hasCauses() {
        return !causes.isEmpty();
    }

    public boolean isAvailable() {
        return problem.isEmpty();
    }

    public String getProblem() {
        return problem;
    }

    static String hours(Optional<Duration> d) {
        return d.map(x -> String.format(java.util.Locale.ROOT, "%.1f h", x.toMinutes() / 60.0)).orElse("–");
    }
}
