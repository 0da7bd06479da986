package io.hindsight.server.cli;

import io.hindsight.server.service.Wiring;
import io.hindsight.atlassian.http.RequestCounter;
import io.hindsight.core.report.ReportData;
import io.hindsight.core.report.ReportRow;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code hindsight report}: how fast incidents were detected, mitigated and resolved, and how the remediation work stands. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Per severity: post-mortems, median time to detect / mitigate / resolve (from the incident's start), and remediation "
                + "actions open, done, overdue and not yet ticketed.")
final class ReportCommand implements Callable<Integer> {
    enum Format { table, json, csv, html }

    @Mixin
    SiteOptions site;

    @Mixin
    Configuration config;

    @Option(names = "--jql", paramLabel = "JQL", description = "Narrows the post-mortems, e.g. \"project = PM AND created >= -90d\" (no ORDER BY).")
    String jql;

    @Option(names = "--format", defaultValue = "table", description = "table, json, csv, or html (one page with charts, e.g. > report.html) (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--limit", defaultValue = "1000", description = "At most this many post-mortems (default: ${DEFAULT-VALUE}).")
    int limit;

    @Mixin
    IdsFileOption ids;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        // what cannot be used or reached is reported by HindsightCli with the exit status of its kind
        Wiring w = new Wiring(site.jiraSite(new RequestCounter()), ids.read(), null, config.sloPolicy(), config.templateRegistry(), config.clock(), null, null);
        ReportData data = w.report.build(jql, limit, ProgressLine.on(spec.commandLine().getErr(), java.time.Duration.ofSeconds(2)));
        print(data, format, spec.commandLine().getOut());
        return ExitCodes.OK;
    }

    static void print(ReportData data, Format format, PrintWriter out) {
        List<ReportRow> rows = data.rows();
        switch (format) {
            case html -> out.print(new io.hindsight.core.render.ReportPage().html(data, "Post-mortem remediation report"));
            case table -> table(rows, out);
            case json -> out.print(io.hindsight.server.ops.ReportJson.write(rows));
            case csv -> csv(rows, out);
        }
        out.flush();
    }

    private static final String[] HEADER = {"severity", "post-mortems", "to detect", "to mitigate", "to resolve", "open", "done", "overdue", "untracked"};

    private static void table(List<ReportRow> rows, PrintWriter out) {
        String format = "%-8s %12s %10s %11s %10s %6s %6s %8s %10s%n";
        out.printf(format, (Object[]) HEADER);
        for (ReportRow r : rows) {
            out.printf(format, r.group(), r.postMortems(), human(r.toDetect()), human(r.toMitigate()), human(r.toResolve()),
                    r.actionsOpen(), r.actionsDone(), r.actionsOverdue(), r.actionsUntracked());
        }
        out.println("times are medians from the incident's start; '-' where no post-mortem records that moment");
    }

    /** Minutes are what people compare incidents in; CSV and JSON carry them as plain numbers. */
    private static void csv(List<ReportRow> rows, PrintWriter out) {
        out.println("severity,post_mortems,minutes_to_detect,minutes_to_mitigate,minutes_to_resolve,actions_open,actions_done,actions_overdue,actions_untracked");
        for (ReportRow r : rows) {
            // every value is a number or one of SEV1..SEV4/unrated/all, so nothing needs quoting
            out.println(String.join(",", r.group(), String.valueOf(r.postMortems()), minutes(r.toDetect()), minutes(r.toMitigate()),
                    minutes(r.toResolve()), String.valueOf(r.actionsOpen()), String.valueOf(r.actionsDone()), String.valueOf(r.actionsOverdue()),
                    String.valueOf(r.actionsUntracked())));
        }
    }

    private static String minutes(Optional<Duration> d) {
        return d.map(x -> x.toSeconds() % 60 == 0 ? String.valueOf(x.toMinutes()) : String.valueOf(x.toSeconds() / 60.0)).orElse("");
    }

    private static String human(Optional<Duration> d) {
        if (d.isEmpty()) return "-";
        long m = d.get().toMinutes();
        if (m < 60) return m + "m";
        if (m < 48 * 60) return String.format("%dh %02dm", m / 60, m % 60);
        return String.format("%dd %02dh", m / (24 * 60), (m / 60) % 24);
    }
}
