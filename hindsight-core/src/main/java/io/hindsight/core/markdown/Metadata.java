package io.hindsight.core.markdown;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.hindsight.core.model.IncidentTimes;
import io.hindsight.core.model.Severity;
import io.hindsight.core.model.State;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the post-mortem's metadata from YAML front matter and from "**Field**: value" preamble lines. */
final class Metadata {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern TOP_LEVEL_KEY = Pattern.compile("^([A-Za-z_][\\w -]*?)\\s*:");

    private final List<FormatProblem> problems;
    String title;
    String key;
    Severity severity;
    State state;
    ZonedDateTime started;
    ZonedDateTime detected;
    ZonedDateTime mitigated;
    ZonedDateTime resolved;
    LocalDate approved;
    List<String> services = List.of();
    List<String> authors = List.of();
    List<String> approvers = List.of();
    String template;
    final Map<String, Object> extra = new LinkedHashMap<>();
    final Map<String, Integer> lines = new LinkedHashMap<>();

    Metadata(List<FormatProblem> problems) {
        this.problems = problems;
    }

    IncidentTimes times() {
        return new IncidentTimes(started, detected, mitigated, resolved);
    }

    /** The date bare timeline times ("14:05") belong to. */
    LocalDate timelineDate() {
        Object d = extra.get("date");
        if (d != null) {
            Optional<LocalDate> date = TimeFormats.date(String.valueOf(d));
            if (date.isPresent()) return date.get();
        }
        return started == null ? null : started.toLocalDate();
    }

    ZoneId timelineZone() {
        Object tz = extra.get("timezone");
        if (tz != null) {
            Optional<ZoneId> z = TimeFormats.zone(String.valueOf(tz));
            if (z.isPresent()) return z.get();
        }
        return started == null ? ZoneOffset.UTC : started.getZone();
    }

    /** True when the front matter could not be read at all; what follows from that is not reported again. */
    boolean unreadable;

    void readFrontMatter(List<MarkdownReader.Line> yamlLines) {
        if (yamlLines.isEmpty()) return;
        StringBuilder text = new StringBuilder();
        for (MarkdownReader.Line l : yamlLines) {
            text.append(l.text()).append('\n');
            Matcher m = TOP_LEVEL_KEY.matcher(l.text());
            if (!m.find()) continue;
            Integer before = lines.put(m.group(1).strip(), l.number());
            if (before != null) {
                problems.add(new FormatProblem(l.number(), m.group(1).strip(), "'" + m.group(1).strip() + "' is set on line " + before
                        + " and again here; this one is used", FormatProblem.Level.WARNING, "Remove one of the two lines", null));
            }
        }
        Map<?, ?> map;
        try {
            Object value = YAML.readValue(text.toString(), Object.class);
            if (value == null) return;
            if (!(value instanceof Map<?, ?> m)) {
                unreadable = true;
                problems.add(new FormatProblem(yamlLines.get(0).number(), "front matter", "the front matter must be 'key: value' lines", true));
                return;
            }
            map = m;
        } catch (JsonProcessingException e) {
            unreadable = true;
            problems.add(yamlError(e, yamlLines.get(0).number()));
            return;
        }
        // the zone first: the times below are read in it when they name none
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if ("timezone".equals(canonical(String.valueOf(e.getKey())))) extra.put("timezone", e.getValue());
        }
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String name = String.valueOf(e.getKey());
            if ("timezone".equals(canonical(name))) continue;
            read(name, e.getValue(), lines.getOrDefault(name, yamlLines.get(0).number()));
        }
    }

    /**
     * Names the line of the file where the YAML went wrong. SnakeYAML counts lines from the start of the
     * YAML (0-based) and often notices an unclosed list or quote only lines later, at the next key: for
     * those the line that opened it is the one to fix.
     */
    private static FormatProblem yamlError(JsonProcessingException e, int firstLine) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MarkedYAMLException m && m.getProblemMark() != null) {
                int problemLine = firstLine + m.getProblemMark().getLine();
                String context = m.getContext();
                boolean opened = context != null && m.getContextMark() != null
                        && (context.contains("flow") || context.contains("quoted") || context.contains("block scalar"));
                int contextLine = m.getContextMark() == null ? problemLine : firstLine + m.getContextMark().getLine();
                int line = opened ? contextLine : problemLine;
                StringBuilder msg = new StringBuilder("the front matter is not valid YAML: ").append(m.getProblem()).append(" (line ").append(problemLine);
                if (context != null && contextLine != problemLine) msg.append(", ").append(context).append(" that starts on line ").append(contextLine);
                msg.append(')');
                String hint = opened ? "Close the list, map or quote opened on line " + line
                        : "Check the indentation and quoting of line " + line + "; values with ': ' or '#' need quotes";
                return new FormatProblem(line, "front matter", msg.toString(), FormatProblem.Level.ERROR, hint, null);
            }
        }
        int line = firstLine - 1 + Math.max(1, e.getLocation() == null ? 1 : e.getLocation().getLineNr());
        return new FormatProblem(line, "front matter", "the front matter is not valid YAML: " + e.getOriginalMessage(), true);
    }

    /** A "**Authors**: a, b" line before the first section; false when the name is no metadata field. */
    boolean readPreambleField(String name, String value, int line) {
        String c = canonical(name);
        if (c == null || c.equals("summary")) return false;
        lines.putIfAbsent(c, line);
        read(c, value, line);
        return true;
    }

    private void read(String name, Object value, int line) {
        String c = canonical(name);
        String text = value == null ? "" : String.valueOf(value).strip();
        if (c == null) {
            extra.put(name, value);
            return;
        }
        lines.putIfAbsent(c, line);
        switch (c) {
            case "title" -> title = text;
            case "key" -> {
                String k = text.toUpperCase(Locale.ROOT);
                if (io.hindsight.core.model.IssueKey.isKey(k)) key = k;
                else invalid(name, value, line, "'" + text + "' is not a Jira issue key such as PM-12");
            }
            case "severity" -> Severity.read(text).ifPresentOrElse(r -> {
                severity = r.severity();
                if (r.mapped()) {
                    String why = text.matches("\\d") ? "write the scale too, so readers know which one is meant"
                            : "a P-level is usually a ticket's priority, not an incident's severity";
                    problems.add(new FormatProblem(line, name, "'" + text + "' read as " + r.severity() + ": severities are SEV1 (worst) to SEV4; "
                            + why, FormatProblem.Level.INFO, "severity: " + r.severity(), null));
                }
            }, () -> invalid(name, value, line, "'" + text + "' is not a severity; write SEV1, SEV2, SEV3 or SEV4 (SEV1 is the worst)"));
            case "state" -> State.parse(text).ifPresentOrElse(s -> state = s,
                    () -> invalid(name, value, line, "'" + text + "' is not a state; write one of draft, in-review, approved, published, closed"));
            case "status" -> State.parse(text).ifPresentOrElse(s -> state = s, () -> extra.put("status", value));
            case "started" -> started = time(name, value, line);
            case "detected" -> detected = time(name, value, line);
            case "mitigated" -> mitigated = time(name, value, line);
            case "resolved" -> resolved = time(name, value, line);
            case "approved" -> TimeFormats.date(text).ifPresentOrElse(d -> approved = d,
                    () -> invalid(name, value, line, "'" + text + "' is not a date; write YYYY-MM-DD"));
            case "services" -> services = list(value);
            case "authors" -> authors = list(value);
            case "approvers" -> approvers = list(value);
            case "template" -> template = text;
            case "date" -> {
                if (TimeFormats.date(text).isEmpty()) problems.add(new FormatProblem(line, name, "'" + text + "' is not a date; write YYYY-MM-DD", false));
                extra.put("date", value);
            }
            default -> extra.put(name, value);
        }
    }

    /** A value Hindsight cannot use is reported and kept under its own name, so it is written back. */
    private void invalid(String name, Object value, int line, String message) {
        problems.add(new FormatProblem(line, name, message, true));
        extra.put(name, value);
    }

    private ZonedDateTime time(String name, Object value, int line) {
        String text = String.valueOf(value);
        var parsed = TimeFormats.parse(text, timelineZone(), null);
        if (parsed.isEmpty()) {
            invalid(name, value, line, "'" + text + "' is not a date and time; write e.g. 2026-11-02 14:05 UTC");
            return null;
        }
        // with 'timezone:' set the zone is the author's choice, not an assumption
        if (parsed.get().zoneAssumed() && TimeFormats.zone(String.valueOf(extra.get("timezone"))).isEmpty()) {
            problems.add(new FormatProblem(line, name, "no time zone in '" + text + "'; read as "
                    + TimeFormats.zoneName(parsed.get().value().getZone()) + ". Add a zone, or set 'timezone:'", false));
        }
        return parsed.get().value();
    }

    private static List<String> list(Object value) {
        List<String> out = new ArrayList<>();
        if (value instanceof List<?> l) {
            for (Object o : l) if (o != null && !String.valueOf(o).isBlank()) out.add(String.valueOf(o).strip());
        } else if (value != null) {
            Arrays.stream(String.valueOf(value).split("[,;]")).map(String::strip).filter(s -> !s.isEmpty()).forEach(out::add);
        }
        return out;
    }

    /** The field a name stands for, or null when Hindsight has no such field. */
    static String canonical(String name) {
        String n = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", " ").strip();
        return switch (n) {
            case "title", "name" -> "title";
            case "key", "issue", "jira", "issue key" -> "key";
            case "severity", "sev", "level" -> "severity";
            case "state" -> "state";
            case "status" -> "status";
            case "started", "start", "started at", "start time", "began", "impact start" -> "started";
            case "detected", "detection time", "detected at" -> "detected";
            case "mitigated", "mitigated at", "mitigation time" -> "mitigated";
            case "resolved", "resolved at", "resolution time", "ended", "end time" -> "resolved";
            case "approved", "approved on", "approval date" -> "approved";
            case "services", "service", "affected services", "systems" -> "services";
            case "authors", "author", "written by" -> "authors";
            case "approvers", "approver", "approved by", "reviewers" -> "approvers";
            case "template" -> "template";
            case "date", "incident date" -> "date";
            case "timezone", "time zone", "tz" -> "timezone";
            default -> null;
        };
    }
}
