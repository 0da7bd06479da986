package io.hindsight.core.lint;

import io.hindsight.core.markdown.SourceMap;
import io.hindsight.core.model.PostMortem;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Findings an author has waived in the text, with a reason a reviewer can read:
 * {@code <!-- hindsight-ignore blameless.judgement: quoting the customer's ticket -->}.
 * A waiver covers its own line and the next one; {@code blameless.*} covers a family.
 */
final class Suppressions {
    private static final Pattern IGNORE = Pattern.compile("<!--\\s*hindsight-ignore\\s+([\\w.*,\\s-]+?)\\s*(?::\\s*(.*?))?\\s*-->");

    record Waiver(int line, List<String> rules, String reason) {
        boolean covers(Finding f) {
            if (f.line() != line && f.line() != line + 1) return false;
            for (String r : rules) {
                if (r.equals(f.rule()) || (r.endsWith(".*") && f.rule().startsWith(r.substring(0, r.length() - 1)))) return true;
            }
            return false;
        }
    }

    private final List<Waiver> waivers = new ArrayList<>();
    private final List<Finding> problems = new ArrayList<>();

    Suppressions(PostMortem pm, SourceMap map) {
        for (int s = 0; s < pm.sections().size(); s++) {
            String[] lines = pm.sections().get(s).text().split("\n", -1);
            for (int i = 0; i < lines.length; i++) scan(lines[i], map.textLine(s, i), pm.sections().get(s).heading());
        }
        for (int i = 0; i < pm.fiveWhys().size(); i++) scan(pm.fiveWhys().get(i), map.whyLine(i), "");
        for (int i = 0; i < pm.contributingFactors().size(); i++) scan(pm.contributingFactors().get(i).text(), map.factorLine(i), "");
        for (int i = 0; i < pm.timeline().size(); i++) scan(pm.timeline().get(i).text(), map.timelineLine(i), "");
        // a waiver written on an action's line travels with the action (its note), wherever the action is written
        for (int i = 0; i < pm.actionItems().size(); i++) {
            String note = pm.actionItems().get(i).note();
            if (note != null) scan(note, map.actionLine(i), "");
        }
    }

    private void scan(String text, int line, String section) {
        Matcher m = IGNORE.matcher(text);
        while (m.find()) {
            List<String> rules = List.of(m.group(1).strip().split("[,\\s]+"));
            String reason = m.group(2) == null ? "" : m.group(2).strip();
            if (reason.isEmpty()) {
                problems.add(new Finding("consistency.waiver-without-reason", Level.WARNING, section, line,
                        "a hindsight-ignore needs a reason, so reviewers can judge it; the waiver is not applied", m.group(),
                        "Write <!-- hindsight-ignore " + m.group(1).strip() + ": why this is fine here -->"));
            } else {
                waivers.add(new Waiver(line, rules, reason));
            }
        }
    }

    List<Finding> apply(List<Finding> findings) {
        List<Finding> kept = new ArrayList<>();
        for (Finding f : findings) {
            if (f.line() == 0 || waivers.stream().noneMatch(w -> w.covers(f))) kept.add(f);
        }
        kept.addAll(problems);
        return kept;
    }
}
