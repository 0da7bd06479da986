package io.hindsight.jira.rest;

import io.hindsight.core.lint.Finding;
import io.hindsight.core.report.ReportData;
import io.hindsight.core.report.ReportRow;
import io.hindsight.jira.check.CheckResult;
import io.hindsight.jira.queue.Enqueued;
import io.hindsight.jira.queue.SyncJob;

import java.time.Duration;
import java.util.List;

/** The JSON shapes of the REST resources: plain records, mapped from the engine's types here and nowhere else. */
final class Json {
    private Json() {
    }

    record Error(String error) {
    }

    record FindingJson(String rule, String level, String section, int line, String message, String excerpt, String suggestion) {
        static FindingJson of(Finding f) {
            return new FindingJson(f.rule(), f.level().label(), f.section(), f.line(), f.message(), f.excerpt(), f.suggestion());
        }
    }

    record Completeness(String template, int percentFilled, List<String> missingRequired) {
    }

    record LintResult(int errors, int warnings, List<FindingJson> findings, Completeness completeness) {
        static LintResult of(CheckResult r) {
            int warnings = (int) r.findings().stream().filter(f -> f.level() == io.hindsight.core.lint.Level.WARNING).count();
            return new LintResult(r.errors().size(), warnings, r.findings().stream().map(FindingJson::of).toList(),
                    new Completeness(r.templateId(), r.percentFilled(), r.missingRequired()));
        }
    }

    record Queued(int job, boolean joined, String status) {
        static Queued of(Enqueued e) {
            return new Queued(e.job().id(), e.joined(), e.job().status().name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    record JobState(int job, String key, String status, int attempts, int events, String nextRun, String updated, String lastError) {
        static JobState of(SyncJob j) {
            return new JobState(j.id(), j.postMortemKey(), j.status().name().toLowerCase(java.util.Locale.ROOT), j.attempts(), j.events(),
                    j.nextRun().toString(), j.updated().toString(), j.lastError().orElse(null));
        }
    }

    record Row(String group, int postMortems, Long medianMinutesToDetect, Long medianMinutesToMitigate, Long medianMinutesToResolve,
               int actionsOpen, int actionsDone, int actionsOverdue) {
        static Row of(ReportRow r) {
            return new Row(r.group(), r.postMortems(), minutes(r.toDetect()), minutes(r.toMitigate()), minutes(r.toResolve()),
                    r.actionsOpen(), r.actionsDone(), r.actionsOverdue());
        }
    }

    record Line(String key, String title, String severity, String started, Long minutesToResolve, int actionsOpen, int actionsDone, int actionsOverdue) {
        static Line of(ReportData.PostMortemLine l) {
            return new Line(l.key(), l.title(), l.severity(), l.started().map(Object::toString).orElse(null), minutes(l.toResolve()),
                    l.actionsOpen(), l.actionsDone(), l.actionsOverdue());
        }
    }

    record Recurring(String name, List<String> postMortems) {
    }

    record Report(String asOf, List<Row> rows, List<Line> postMortems, List<Recurring> causes, List<Recurring> services) {
    }

    private static Long minutes(java.util.Optional<Duration> d) {
        return d.map(Duration::toMinutes).orElse(null);
    }
}
