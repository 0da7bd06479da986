package io.hindsight.core.template;

import io.hindsight.core.model.SectionKind;
import io.hindsight.core.model.Severity;

import java.util.Objects;
import java.util.Set;

/**
 * One section a template asks for.
 *
 * @param kind       the section; {@link SectionKind#CUSTOM} for one known only by its heading
 * @param heading    the heading to write
 * @param question   the guiding question shown to the author, in blameless language
 * @param requiredAt the severities at which the section must be filled in
 */
public record TemplateSection(SectionKind kind, String heading, String question, Set<Severity> requiredAt) {
    public TemplateSection {
        Objects.requireNonNull(kind, "kind");
        heading = heading == null || heading.isBlank() ? kind.heading() : heading.strip();
        question = question == null ? "" : question.strip();
        requiredAt = requiredAt == null ? Set.of() : Set.copyOf(requiredAt);
    }

    public boolean requiredFor(Severity severity) {
        return severity != null && requiredAt.contains(severity);
    }
}
