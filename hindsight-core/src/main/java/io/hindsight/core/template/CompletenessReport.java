package io.hindsight.core.template;

import io.hindsight.core.model.PostMortem;
import io.hindsight.core.model.Section;
import io.hindsight.core.model.SectionKind;
import io.hindsight.core.model.Severity;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How far a post-mortem fills in its template: each section present and filled, empty, a placeholder,
 * or missing, and whether it is required at the post-mortem's severity.
 */
public record CompletenessReport(Template template, Severity severity, List<Entry> entries) {
    private static final Pattern PLACEHOLDER = Pattern.compile(
            "(?is)\\s*(tbd|tbc|todo|n/?a|none yet|to be (written|done|determined|completed)|\\.\\.\\.|…|-+|\\?+|<[^>]*>|\\[[^\\]]*(fill|describe|add)[^\\]]*])\\s*\\.?\\s*");

    public enum Status { FILLED, PLACEHOLDER, EMPTY, MISSING }

    public record Entry(TemplateSection section, Status status, boolean required) {
        public boolean missingButRequired() {
            return required && status != Status.FILLED;
        }
    }

    public CompletenessReport {
        entries = List.copyOf(entries);
    }

    public static CompletenessReport of(PostMortem pm, Template template) {
        List<Entry> entries = template.sections().stream()
                .map(s -> new Entry(s, status(pm, s), s.requiredFor(pm.severity())))
                .toList();
        return new CompletenessReport(template, pm.severity(), entries);
    }

    public List<Entry> missingRequired() {
        return entries.stream().filter(Entry::missingButRequired).toList();
    }

    /** Share of the template's sections that are filled in, 0 to 100. */
    public int percentFilled() {
        if (entries.isEmpty()) return 100;
        long filled = entries.stream().filter(e -> e.status() == Status.FILLED).count();
        return (int) Math.round(100.0 * filled / entries.size());
    }

    private static Status status(PostMortem pm, TemplateSection ts) {
        if (ts.kind() != SectionKind.CUSTOM) {
            if (pm.hasContent(ts.kind())) {
                Optional<Section> s = pm.section(ts.kind());
                boolean placeholder = !ts.kind().isStructured() && s.isPresent() && PLACEHOLDER.matcher(s.get().text()).matches();
                return placeholder ? Status.PLACEHOLDER : Status.FILLED;
            }
            return pm.section(ts.kind()).isPresent() ? Status.EMPTY : Status.MISSING;
        }
        String wanted = norm(ts.heading());
        Optional<Section> custom = pm.sections().stream().filter(s -> norm(s.heading()).equals(wanted)).findFirst();
        if (custom.isEmpty()) return Status.MISSING;
        if (!custom.get().hasText()) return Status.EMPTY;
        return PLACEHOLDER.matcher(custom.get().text()).matches() ? Status.PLACEHOLDER : Status.FILLED;
    }

    private static String norm(String heading) {
        return heading.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
