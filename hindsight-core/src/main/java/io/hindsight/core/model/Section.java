package io.hindsight.core.model;

import java.util.Objects;

/**
 * One section as the author wrote it. For structured sections (five whys, factors, timeline, action
 * items) {@code text} holds what is not a recognised item: introductions and lines Hindsight could
 * not read, kept so that nothing an author wrote is lost.
 *
 * @param kind    what the section is
 * @param heading the heading as written (a custom section is known by it)
 * @param text    Markdown body, trimmed; empty when the section only has items
 */
public record Section(SectionKind kind, String heading, String text) {
    public Section {
        Objects.requireNonNull(kind, "kind");
        heading = heading == null || heading.isBlank() ? kind.heading() : heading.strip();
        text = text == null ? "" : text.strip();
    }

    public static Section of(SectionKind kind, String text) {
        return new Section(kind, kind.heading(), text);
    }

    public boolean hasText() {
        return !text.isBlank();
    }
}
