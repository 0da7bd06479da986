package io.hindsight.core.lint;

import io.hindsight.core.markdown.FormatProblem;
import io.hindsight.core.markdown.SourceMap;
import io.hindsight.core.markdown.TimeFormats;
import io.hindsight.core.model.PostMortem;
import io.hindsight.core.model.SectionKind;
import io.hindsight.core.model.TimelineEntry;
import io.hindsight.core.template.CompletenessReport;
import io.hindsight.core.template.Template;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/** Does the post-mortem hold together: required sections there, times in order, text readable? */
final class ConsistencyRules {
    private final PostMortem pm;
    private final SourceMap map;
    private final Template template;

    ConsistencyRules(PostMortem pm, SourceMap map, Template template) {
        this.pm = pm;
        this.map = map;
        this.template = template;
    }

    List<Finding> check(List<FormatProblem> problems) {
        List<Finding> out = new ArrayList<>();
        for (FormatProblem p : problems) out.add(format(p));
        // what only follows from a front matter that could not be read is not reported a second time
        boolean frontMatterUnread = problems.stream().anyMatch(p -> p.error() && p.field().equals("front matter"));
        sections(out, frontMatterUnread);
        times(out);
        timeline(out);
        if (!pm.fiveWhys().isEmpty() && pm.fiveWhys().size() < 3) {
            out.add(new Finding("consistency.shallow-whys", Level.INFO, TextUnits.heading(pm, SectionKind.FIVE_WHYS), map.whyLine(0),
                    "the five whys stop after " + pm.fiveWhys().size() + "; the systemic causes are usually further down", "",
                    "Ask 'why?' of the last answer until you reach a condition you can change"));
        }
        return out;
    }

    private static Finding format(FormatProblem p) {
        String rule = switch (p.kind()) {
            case FORMAT -> "consistency.format";
            case UNREADABLE_ACTION -> "actionability.unreadable";
            case STRAY_LINE -> "actionability.stray-line";
            case ATTRIBUTE -> "actionability.attribute";
        };
        Level level = switch (p.level()) {
            case ERROR -> Level.ERROR;
            case WARNING -> Level.WARNING;
            case INFO -> Level.INFO;
        };
        return new Finding(rule, level, p.field(), p.line(), p.message(), "", p.suggestion());
    }

    private void sections(List<Finding> out, boolean frontMatterUnread) {
        if (pm.severity() == null && !frontMatterUnread) {
            out.add(new Finding("consistency.no-severity", Level.WARNING, "", map.metadataLine("severity"),
                    "no severity: required sections and due dates depend on it", "", "Add 'severity: SEV1' .. 'SEV4' to the front matter"));
        }
        if (pm.template() != null && !pm.template().equals(template.id())) {
            out.add(new Finding("consistency.unknown-template", Level.WARNING, "", map.metadataLine("template"),
                    "unknown template '" + pm.template() + "'; checked against '" + template.id() + "' instead", "", ""));
        }
        for (CompletenessReport.Entry e : CompletenessReport.of(pm, template).missingRequired()) {
            String state = switch (e.status()) {
                case MISSING -> "is missing";
                case EMPTY -> "is empty";
                case PLACEHOLDER -> "holds only a placeholder";
                case FILLED -> "is filled";
            };
            int line = 0;
            for (int i = 0; i < pm.sections().size(); i++) {
                if (pm.sections().get(i).heading().equalsIgnoreCase(e.section().heading())
                        || (e.section().kind() != SectionKind.CUSTOM && pm.sections().get(i).kind() == e.section().kind())) {
                    line = map.sectionLine(i);
                    break;
                }
            }
            out.add(new Finding("consistency.missing-section", Level.ERROR, e.section().heading(), line,
                    "'" + e.section().heading() + "' " + state + "; template '" + template.id() + "' requires it for " + pm.severity(),
                    "", e.section().question()));
        }
    }

    private void times(List<Finding> out) {
        var t = pm.times();
        order(out, "detected", t.detected(), "started", t.started(), Level.ERROR);
        order(out, "mitigated", t.mitigated(), "started", t.started(), Level.ERROR);
        order(out, "resolved", t.resolved(), "started", t.started(), Level.ERROR);
        order(out, "resolved", t.resolved(), "mitigated", t.mitigated(), Level.ERROR);
        // automation can mitigate before a person notices, so this one is only worth a question
        order(out, "mitigated", t.mitigated(), "detected", t.detected(), Level.WARNING);
    }

    private void order(List<Finding> out, String later, ZonedDateTime laterTime, String earlier, ZonedDateTime earlierTime, Level level) {
        if (laterTime == null || earlierTime == null || !laterTime.isBefore(earlierTime)) return;
        out.add(new Finding("consistency.impossible-times", level, "", map.metadataLine(later),
                "'" + later + "' (" + TimeFormats.format(laterTime) + ") is before '" + earlier + "' (" + TimeFormats.format(earlierTime) + ")",
                "", "Check the two times and their time zones"));
    }

    private void timeline(List<Finding> out) {
        List<TimelineEntry> entries = pm.timeline();
        String section = TextUnits.heading(pm, SectionKind.TIMELINE);
        for (int i = 1; i < entries.size(); i++) {
            ZonedDateTime prev = entries.get(i - 1).at();
            ZonedDateTime here = entries.get(i).at();
            if (prev != null && here != null && here.isBefore(prev)) {
                out.add(new Finding("consistency.timeline-order", Level.WARNING, section, map.timelineLine(i),
                        "this entry (" + TimeFormats.format(here) + ") is earlier than the one before it (" + TimeFormats.format(prev) + ")",
                        entries.get(i).text(), "If it is the next day, put a line with the date (e.g. 2026-11-03) above it"));
            }
        }
    }
}
