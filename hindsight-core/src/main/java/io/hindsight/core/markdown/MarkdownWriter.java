package io.hindsight.core.markdown;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.hindsight.core.model.ActionItem;
import io.hindsight.core.model.ContributingFactor;
import io.hindsight.core.model.IncidentTimes;
import io.hindsight.core.model.PostMortem;
import io.hindsight.core.model.Section;
import io.hindsight.core.model.SectionKind;
import io.hindsight.core.model.TimelineEntry;

import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a post-mortem as Markdown in Hindsight's canonical shape. Reading what it writes gives the
 * same post-mortem back, so files can be generated, edited and re-read without drift.
 */
public final class MarkdownWriter {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS));

    public String write(PostMortem pm) {
        StringBuilder out = new StringBuilder("---\n").append(frontMatter(pm)).append("---\n\n");
        out.append("# ").append(pm.title()).append("\n");
        Set<SectionKind> itemsWritten = EnumSet.noneOf(SectionKind.class);
        for (Section s : pm.sections()) {
            out.append('\n');
            boolean preamble = s.kind() == SectionKind.CUSTOM && s.heading().isEmpty();
            if (!preamble) out.append("## ").append(s.heading()).append("\n\n");
            if (s.hasText()) out.append(s.text()).append('\n');
            if (s.kind().isStructured() && itemsWritten.add(s.kind())) {
                if (s.hasText()) out.append('\n');
                items(pm, s.kind(), out);
            }
        }
        for (SectionKind kind : List.of(SectionKind.FIVE_WHYS, SectionKind.CONTRIBUTING_FACTORS, SectionKind.TIMELINE, SectionKind.ACTION_ITEMS)) {
            if (!itemsWritten.contains(kind) && pm.hasContent(kind)) {
                out.append("\n## ").append(kind.heading()).append("\n\n");
                items(pm, kind, out);
            }
        }
        return out.toString();
    }

    private static void items(PostMortem pm, SectionKind kind, StringBuilder out) {
        switch (kind) {
            case FIVE_WHYS -> {
                int n = 1;
                for (String why : pm.fiveWhys()) out.append(n++).append(". ").append(why).append('\n');
            }
            case CONTRIBUTING_FACTORS -> {
                for (ContributingFactor f : pm.contributingFactors()) {
                    out.append("- [").append(f.category().id()).append("] ").append(f.text()).append('\n');
                }
            }
            case TIMELINE -> {
                for (TimelineEntry e : pm.timeline()) {
                    out.append("- ").append(e.when()).append(" — ");
                    if (e.kind() != null) out.append('[').append(e.kind().id()).append("] ");
                    out.append(e.text()).append('\n');
                }
            }
            case ACTION_ITEMS -> {
                for (ActionItem a : pm.actionItems()) out.append(ActionItemLine.format(a)).append('\n');
            }
            default -> {
            }
        }
    }

    private static String frontMatter(PostMortem pm) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", pm.title());
        if (pm.key() != null) m.put("key", pm.key());
        if (pm.severity() != null) m.put("severity", pm.severity().name());
        m.put("state", pm.state().label());
        IncidentTimes t = pm.times();
        putTime(m, "started", t.started());
        putTime(m, "detected", t.detected());
        putTime(m, "mitigated", t.mitigated());
        putTime(m, "resolved", t.resolved());
        if (pm.approved() != null) m.put("approved", pm.approved().toString());
        if (!pm.services().isEmpty()) m.put("services", pm.services());
        if (!pm.authors().isEmpty()) m.put("authors", pm.authors());
        if (!pm.approvers().isEmpty()) m.put("approvers", pm.approvers());
        if (pm.template() != null) m.put("template", pm.template());
        pm.metadata().forEach(m::putIfAbsent);
        try {
            return YAML.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("metadata of '" + pm.title() + "' cannot be written as YAML", e);
        }
    }

    private static void putTime(Map<String, Object> m, String key, ZonedDateTime time) {
        if (time != null) m.put(key, TimeFormats.format(time));
    }
}
