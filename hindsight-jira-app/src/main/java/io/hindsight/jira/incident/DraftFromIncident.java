package io.hindsight.jira.incident;

import io.hindsight.core.model.IncidentTimes;
import io.hindsight.core.model.PostMortem;
import io.hindsight.core.model.Section;
import io.hindsight.core.model.State;
import io.hindsight.core.template.Template;
import io.hindsight.core.template.TemplateRegistry;
import io.hindsight.core.template.TemplateSection;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A draft post-mortem for an incident: titled after it, with its severity and start, laid out by the
 * blameless template that fits its severity, each section holding the template's question as a prompt.
 */
public final class DraftFromIncident {
    private final TemplateRegistry templates;

    public DraftFromIncident(TemplateRegistry templates) {
        this.templates = templates;
    }

    public Template templateFor(Incident incident) {
        PostMortem probe = new PostMortem(null, "x", incident.severity().orElse(null), null, null, null, null,
                null, null, null, List.of(), List.of(), List.of(), List.of(), List.of(), Map.of());
        return templates.forPostMortem(probe);
    }

    public PostMortem draft(Incident incident) {
        Template template = templateFor(incident);
        List<Section> sections = new ArrayList<>();
        for (TemplateSection s : template.sections()) {
            String prompt = s.question() == null || s.question().isBlank() ? "" : "<" + s.question().strip() + ">";
            sections.add(new Section(s.kind(), s.heading() == null ? s.kind().heading() : s.heading(), prompt));
        }
        IncidentTimes times = new IncidentTimes(incident.started().orElse(null), null, null, null);
        return new PostMortem(null, "Post-mortem: " + incident.summary(), incident.severity().orElse(null), State.DRAFT, times,
                null, List.of(), List.of(), List.of(), template.id(), sections, List.of(), List.of(), List.of(), List.of(), Map.of());
    }
}
