package io.hindsight.core.markdown;

import java.util.List;
import java.util.Map;

/**
 * Where each part of a post-mortem stood in its source, so findings can name a line. Kept apart from
 * the model: a post-mortem read from Jira has no lines ({@link #NONE}), and line numbers must not make
 * two equal post-mortems unequal.
 *
 * @param metadata     front-matter key to line
 * @param sections     per section (same order as {@code PostMortem.sections()}): heading line and the
 *                     line of each line of its stored text
 * @param actions      line of each action item, same order as the model's list
 * @param timeline     line of each timeline entry
 * @param whys         line of each of the five whys
 * @param factors      line of each contributing factor
 */
public record SourceMap(Map<String, Integer> metadata, List<SectionSource> sections, List<Integer> actions,
                        List<Integer> timeline, List<Integer> whys, List<Integer> factors) {
    public static final SourceMap NONE = new SourceMap(Map.of(), List.of(), List.of(), List.of(), List.of(), List.of());

    public SourceMap {
        metadata = Map.copyOf(metadata);
        sections = List.copyOf(sections);
        actions = List.copyOf(actions);
        timeline = List.copyOf(timeline);
        whys = List.copyOf(whys);
        factors = List.copyOf(factors);
    }

    /** @param headingLine 0 for a section without a heading line (a preamble, or a Jira field) */
    public record SectionSource(int headingLine, List<Integer> textLines) {
        public SectionSource {
            textLines = List.copyOf(textLines);
        }
    }

    public int metadataLine(String key) {
        return metadata.getOrDefault(key, 0);
    }

    public int sectionLine(int section) {
        return section < sections.size() ? sections.get(section).headingLine() : 0;
    }

    /** Line of line {@code index} (0-based) of section {@code section}'s text; 0 when unknown. */
    public int textLine(int section, int index) {
        if (section >= sections.size()) return 0;
        List<Integer> lines = sections.get(section).textLines();
        return index < lines.size() ? lines.get(index) : 0;
    }

    public int actionLine(int i) { return at(actions, i); }
    public int timelineLine(int i) { return at(timeline, i); }
    public int whyLine(int i) { return at(whys, i); }
    public int factorLine(int i) { return at(factors, i); }

    private static int at(List<Integer> list, int i) {
        return i < list.size() ? list.get(i) : 0;
    }
}
