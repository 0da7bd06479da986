package io.hindsight.core.report;

import io.hindsight.core.model.ActionItem;
import io.hindsight.core.model.IncidentTimes;
import io.hindsight.core.model.Severity;
import io.hindsight.core.model.RemediationTicket;
import io.hindsight.core.model.TrackedPostMortem;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Time to detect, mitigate and resolve, and the state of the remediation work, per severity. Medians,
 * not means: one incident that smouldered for a week should not hide how the rest went.
 */
public final class RemediationReport {
    private RemediationReport() {
    }

    /** @param today what "overdue" is measured against */
    public static List<ReportRow> of(List<TrackedPostMortem> postMortems, LocalDate today) {
        List<ReportRow> rows = new ArrayList<>();
        for (Severity s : Severity.values()) {
            List<TrackedPostMortem> these = postMortems.stream().filter(l -> l.postMortem().severity() == s).toList();
            if (!these.isEmpty()) rows.add(row(s.name(), these, today));
        }
        List<TrackedPostMortem> unrated = postMortems.stream().filter(l -> l.postMortem().severity() == null).toList();
        if (!unrated.isEmpty()) rows.add(row("unrated", unrated, today));
        rows.add(row("all", postMortems, today));
        return rows;
    }

    /** The rows, plus a line per post-mortem (oldest incident first) and what recurs across them. */
    public static ReportData data(List<TrackedPostMortem> postMortems, LocalDate today) {
        List<ReportData.PostMortemLine> lines = new ArrayList<>();
        java.util.Map<String, List<String>> causes = new java.util.TreeMap<>();
        java.util.Map<String, List<String>> services = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (TrackedPostMortem l : postMortems) {
            var pm = l.postMortem();
            // a file not yet published has no key; its title stands in
            String name = pm.key() != null ? pm.key() : pm.title();
            ReportRow own = row(name, List.of(l), today);
            lines.add(new ReportData.PostMortemLine(name, pm.title(), pm.severity() == null ? "unrated" : pm.severity().name(),
                    Optional.ofNullable(pm.times().started()).map(ZonedDateTime::toLocalDate), own.toResolve(), own.actionsOpen(), own.actionsDone(),
                    own.actionsOverdue()));
            // a category counts once per post-mortem, however many of its factors fall in it
            pm.contributingFactors().stream().map(f -> f.category().id()).distinct().forEach(c -> causes.computeIfAbsent(c, k -> new ArrayList<>()).add(name));
            pm.services().stream().map(String::strip).filter(x -> !x.isEmpty()).distinct()
                    .forEach(x -> services.computeIfAbsent(x, k -> new ArrayList<>()).add(name));
        }
        lines.sort(java.util.Comparator.comparing((ReportData.PostMortemLine x) -> x.started().orElse(LocalDate.MAX)).thenComparing(x -> String.valueOf(x.key())));
        return new ReportData(today, of(postMortems, today), lines, recurring(causes), recurring(services));
    }

    /** Most shared first; ties by name. */
    private static List<ReportData.Recurring> recurring(java.util.Map<String, List<String>> byName) {
        return byName.entrySet().stream().map(e -> new ReportData.Recurring(e.getKey(), e.getValue()))
                .sorted(java.util.Comparator.comparingInt(ReportData.Recurring::count).reversed().thenComparing(ReportData.Recurring::name)).toList();
    }

    private static ReportRow row(String group, List<TrackedPostMortem> pms, LocalDate today) {
        int open = 0, done = 0, overdue = 0, untracked = 0;
        for (TrackedPostMortem l : pms) {
            for (RemediationTicket t : l.tickets()) {
                if (t.done()) {
                    done++;
                } else {
                    open++;
                    if (t.due() != null && t.due().isBefore(today)) overdue++;
                }
            }
            Set<String> tracked = l.tickets().stream().map(RemediationTicket::actionId).collect(Collectors.toSet());
            Set<String> keys = l.tickets().stream().map(RemediationTicket::key).collect(Collectors.toSet());
            for (ActionItem a : l.postMortem().actionItems()) {
                if (!tracked.contains(a.id()) && (a.ticket() == null || !keys.contains(a.ticket()))) untracked++;
            }
        }
        return new ReportRow(group, pms.size(), median(pms, IncidentTimes::detected), median(pms, IncidentTimes::mitigated),
                median(pms, IncidentTimes::resolved), open, done, overdue, untracked);
    }

    private static Optional<Duration> median(List<TrackedPostMortem> pms, Function<IncidentTimes, ZonedDateTime> until) {
        List<Duration> d = new ArrayList<>();
        for (TrackedPostMortem l : pms) {
            IncidentTimes t = l.postMortem().times();
            ZonedDateTime end = until.apply(t);
            // a moment before the start is a typo in the post-mortem, not a negative duration worth averaging in
            if (t.started() != null && end != null && !end.isBefore(t.started())) d.add(Duration.between(t.started(), end));
        }
        if (d.isEmpty()) return Optional.empty();
        d.sort(null);
        int n = d.size();
        return Optional.of(n % 2 == 1 ? d.get(n / 2) : d.get(n / 2 - 1).plus(d.get(n / 2)).dividedBy(2));
    }
}
