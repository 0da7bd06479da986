package io.hindsight.core.lint;

import io.hindsight.core.markdown.SourceMap;
import io.hindsight.core.model.ActionItem;
import io.hindsight.core.model.ContributingFactor;
import io.hindsight.core.model.PostMortem;
import io.hindsight.core.model.Section;
import io.hindsight.core.model.SectionKind;
import io.hindsight.core.model.TimelineEntry;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts a post-mortem's prose into sentences with their lines. Wrapped paragraph lines are joined
 * first, so a sentence broken over two lines is read whole; code and HTML comments are left out.
 */
final class TextUnits {
    private static final Pattern LIST_ITEM = Pattern.compile("^\\s*(?:[-*+]|\\d+[.)])\\s+(?:\\[[ xX]]\\s+)?");
    private static final Pattern FENCE = Pattern.compile("^\\s{0,3}(```|~~~)");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?;])[\"”’)]?\\s+(?=[\\p{Lu}\"“(\\[@0-9])");
    private static final Pattern COMMENT = Pattern.compile("<!--.*?-->");

    private TextUnits() {
    }

    static List<TextUnit> of(PostMortem pm, SourceMap map) {
        List<TextUnit> units = new ArrayList<>();
        for (int s = 0; s < pm.sections().size(); s++) {
            Section section = pm.sections().get(s);
            paragraphs(section, s, map, units);
        }
        String whys = heading(pm, SectionKind.FIVE_WHYS);
        for (int i = 0; i < pm.fiveWhys().size(); i++) {
            sentences(pm.fiveWhys().get(i), SectionKind.FIVE_WHYS, whys, new int[]{map.whyLine(i)}, false, units);
        }
        String factors = heading(pm, SectionKind.CONTRIBUTING_FACTORS);
        for (int i = 0; i < pm.contributingFactors().size(); i++) {
            ContributingFactor f = pm.contributingFactors().get(i);
            sentences(f.text(), SectionKind.CONTRIBUTING_FACTORS, factors, new int[]{map.factorLine(i)}, false, units);
        }
        String timeline = heading(pm, SectionKind.TIMELINE);
        for (int i = 0; i < pm.timeline().size(); i++) {
            TimelineEntry e = pm.timeline().get(i);
            sentences(e.text(), SectionKind.TIMELINE, timeline, new int[]{map.timelineLine(i)}, false, units);
        }
        String actions = heading(pm, SectionKind.ACTION_ITEMS);
        for (int i = 0; i < pm.actionItems().size(); i++) {
            ActionItem a = pm.actionItems().get(i);
            units.add(new TextUnit(a.summary(), SectionKind.ACTION_ITEMS, actions, map.actionLine(i), true));
        }
        return units;
    }

    static String heading(PostMortem pm, SectionKind kind) {
        return pm.section(kind).map(Section::heading).orElse(kind.heading());
    }

    /** Joins wrapped lines into paragraphs (a list item starts a new one) and splits them into sentences. */
    private static void paragraphs(Section section, int index, SourceMap map, List<TextUnit> out) {
        String[] lines = section.text().split("\n", -1);
        StringBuilder para = new StringBuilder();
        List<Integer> charLines = new ArrayList<>();
        boolean inFence = false;
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i];
            if (FENCE.matcher(l).find()) {
                inFence = !inFence;
                flush(para, charLines, section, out);
                continue;
            }
            if (inFence) continue;
            boolean item = LIST_ITEM.matcher(l).find();
            if (l.isBlank() || item || l.stripLeading().startsWith("#") || l.stripLeading().startsWith("|")) {
                flush(para, charLines, section, out);
            }
            if (l.isBlank()) continue;
            String text = COMMENT.matcher(LIST_ITEM.matcher(l).replaceFirst("")).replaceAll(" ").strip();
            text = text.replaceAll("^#+\\s*", "").replace('|', ' ');
            int line = map.textLine(index, i);
            if (para.length() > 0) {
                para.append(' ');
                charLines.add(line);
            }
            para.append(text);
            for (int c = 0; c < text.length(); c++) charLines.add(line);
        }
        flush(para, charLines, section, out);
    }

    private static void flush(StringBuilder para, List<Integer> charLines, Section section, List<TextUnit> out) {
        if (para.length() > 0) {
            int[] lines = charLines.stream().mapToInt(Integer::intValue).toArray();
            sentences(para.toString(), section.kind(), section.heading(), lines, false, out);
        }
        para.setLength(0);
        charLines.clear();
    }

    /** @param lines the source line of each character, or one line for all */
    private static void sentences(String text, SectionKind kind, String section, int[] lines, boolean action, List<TextUnit> out) {
        Matcher m = SENTENCE_END.matcher(text);
        int start = 0;
        while (m.find()) {
            add(text.substring(start, m.start()), kind, section, lineAt(lines, start), action, out);
            start = m.end();
        }
        add(text.substring(start), kind, section, lineAt(lines, start), action, out);
    }

    private static void add(String sentence, SectionKind kind, String section, int line, boolean action, List<TextUnit> out) {
        String s = sentence.strip();
        if (!s.isEmpty()) out.add(new TextUnit(s, kind, section, line, action));
    }

    private static int lineAt(int[] lines, int offset) {
        if (lines.length == 0) return 0;
        return lines[Math.min(offset, lines.length - 1)];
    }
}
