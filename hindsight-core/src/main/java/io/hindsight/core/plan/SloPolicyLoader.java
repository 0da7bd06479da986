package io.hindsight.core.plan;

import io.hindsight.core.model.Severity;
import io.hindsight.core.yaml.YamlFiles;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads an SLO policy from YAML; see {@code default-slo.yaml} for the shape. */
public final class SloPolicyLoader {
    private static final Pattern SHORT_PERIOD = Pattern.compile("(\\d+)\\s*(d|day|days|w|wk|week|weeks|m|month|months)");

    private SloPolicyLoader() {
    }

    private record File(String countFrom, Map<String, Map<String, String>> classes, Map<String, String> jiraPriority,
                        List<String> labels, String defaultProject, Double blockingConfidence) {
    }

    public static SloPolicy defaults() {
        String resource = "/io/hindsight/core/plan/default-slo.yaml";
        try (InputStream in = SloPolicyLoader.class.getResourceAsStream(resource)) {
            if (in == null) throw new SloPolicyException(resource + " is missing from the jar");
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource);
        } catch (IOException e) {
            throw new SloPolicyException("cannot read " + resource, e);
        }
    }

    public static SloPolicy load(Path file) {
        try {
            return parse(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new SloPolicyException("cannot read the SLO policy " + file + ": " + e.getMessage(), e);
        }
    }

    public static SloPolicy parse(String yaml, String fileName) {
        File f;
        try {
            f = YamlFiles.read(yaml, fileName, File.class, "countFrom, classes, jiraPriority, labels, defaultProject, blockingConfidence");
        } catch (YamlFiles.YamlFileException e) {
            throw new SloPolicyException(e.getMessage(), e);
        }
        if (f == null || f.classes() == null || f.classes().isEmpty()) {
            throw new SloPolicyException(fileName + ": 'classes' is missing: name at least one action class, e.g. priority");
        }
        DueBasis basis;
        try {
            basis = f.countFrom() == null ? DueBasis.APPROVED : DueBasis.valueOf(f.countFrom().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new SloPolicyException(fileName + ": countFrom '" + f.countFrom() + "' must be approved, resolved or started");
        }
        Map<String, SloPolicy.ClassRule> classes = new LinkedHashMap<>();
        for (var c : f.classes().entrySet()) {
            String name = c.getKey().toLowerCase(Locale.ROOT);
            if (!name.matches("[a-z][a-z0-9_-]*")) {
                throw new SloPolicyException(fileName + ": class '" + c.getKey() + "' may only use letters, digits, '-' and '_'");
            }
            Map<Severity, Period> bySeverity = new EnumMap<>(Severity.class);
            Period otherwise = null;
            Map<String, String> periods = c.getValue() == null ? Map.of() : c.getValue();
            for (var p : periods.entrySet()) {
                String where = fileName + ": classes." + c.getKey() + "." + p.getKey();
                Period period = period(p.getValue(), where);
                if (p.getKey().equalsIgnoreCase("default")) {
                    otherwise = period;
                } else {
                    Severity s = Severity.parse(p.getKey()).orElseThrow(() -> new SloPolicyException(
                            where + ": '" + p.getKey() + "' is not a severity; use SEV1..SEV4 or default"));
                    bySeverity.put(s, period);
                }
            }
            classes.put(name, new SloPolicy.ClassRule(bySeverity, otherwise));
        }
        Map<Severity, String> priorities = new EnumMap<>(Severity.class);
        if (f.jiraPriority() != null) {
            for (var p : f.jiraPriority().entrySet()) {
                Severity s = Severity.parse(p.getKey()).orElseThrow(() -> new SloPolicyException(
                        fileName + ": jiraPriority." + p.getKey() + " is not a severity; use SEV1..SEV4"));
                priorities.put(s, p.getValue());
            }
        }
        String project = f.defaultProject() == null ? null : f.defaultProject().strip().toUpperCase(Locale.ROOT);
        if (project != null && !io.hindsight.core.model.ProjectKey.isValid(project)) {
            throw new SloPolicyException(fileName + ": defaultProject '" + f.defaultProject() + "' is not a Jira project key");
        }
        double blocking = f.blockingConfidence() == null ? SloPolicy.DEFAULT_BLOCKING_CONFIDENCE : f.blockingConfidence();
        if (!(blocking >= 0 && blocking <= 1)) {
            throw new SloPolicyException(fileName + ": blockingConfidence " + f.blockingConfidence()
                    + " must be a number from 0 to 1, e.g. 0.8 (1 never blocks on an unsure finding, 0 blocks on all)");
        }
        return new SloPolicy(basis, classes, priorities, f.labels() == null ? List.of() : f.labels(), project, blocking);
    }

    /** Reads "4w", "28d", "3 months", or ISO-8601 "P4W"; "none" means no due date. */
    static Period period(String text, String where) {
        if (text == null || text.isBlank() || text.equalsIgnoreCase("none")) return null;
        String t = text.strip().toLowerCase(Locale.ROOT);
        Matcher m = SHORT_PERIOD.matcher(t);
        if (m.matches()) {
            int n = Integer.parseInt(m.group(1));
            return switch (m.group(2).charAt(0)) {
                case 'd' -> Period.ofDays(n);
                case 'w' -> Period.ofWeeks(n);
                default -> Period.ofMonths(n);
            };
        }
        try {
            return Period.parse(t.toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            throw new SloPolicyException(where + ": '" + text + "' is not a duration; write e.g. 4w, 28d, 3 months or P4W");
        }
    }
}
