package io.hindsight.core.template;

import io.hindsight.core.model.Severity;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A post-mortem template: which sections, in which order, what each asks, what is required when.
 *
 * @param defaultFor the severities for which this template is chosen when a post-mortem names none
 */
public record Template(String id, String name, String description, Set<Severity> defaultFor,
                       List<TemplateSection> sections) {
    public Template {
        Objects.requireNonNull(id, "id");
        name = name == null ? id : name;
        description = description == null ? "" : description;
        defaultFor = defaultFor == null ? Set.of() : Set.copyOf(defaultFor);
        sections = List.copyOf(sections);
    }

    public List<TemplateSection> requiredFor(Severity severity) {
        return sections.stream().filter(s -> s.requiredFor(severity)).toList();
    }
}
