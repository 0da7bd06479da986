package io.hindsight.core.lint;

import io.hindsight.core.model.SectionKind;

/**
 * A sentence (or list item) of prose the language rules read, with where it stands.
 *
 * @param kind    the section kind, which some rules weigh (human error as a root cause is worse)
 * @param isAction the text is an action item's summary
 */
public record TextUnit(String text, SectionKind kind, String section, int line, boolean isAction) {
}
