package io.hindsight.core.lint;

import io.hindsight.core.markdown.SourceMap;
import io.hindsight.core.model.ActionItem;
import io.hindsight.core.model.PostMortem;
import io.hindsight.core.model.SectionKind;
import io.hindsight.core.plan.SloPolicy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Are the action items things someone can do, own and finish? */
final class ActionabilityRules {
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    private static final Pattern NOT_AN_ACTION = Pattern.compile("\\b(?:be|being|stay|remain)\\s+more\\s+(?:careful|vigilant|diligent|"
            + "attentive|cautious|thorough)\\b|\\bpay\\s+(?:more|closer|better)\\s+attention\\b|\\btry\\s+(?:harder|to be)\\b|"
            + "\\bremember\\s+to\\b|\\bbe\\s+aware\\b|\\bkeep\\s+an\\s+eye\\s+on\\b|\\bthink\\s+about\\b|^\\s*consider\\b|\\blook\\s+into\\b|"
            + "\\bdon'?t\\s+(?:do|let)\\s+(?:this|it)\\s+(?:again|happen)\\b|\\bmake\\s+sure\\s+(?:this|it)\\s+(?:doesn't|does not|never)\\b", FLAGS);
    private static final Pattern VAGUE_VERB = Pattern.compile("^(?:improve|enhance|better|increase|review|revisit|investigate|explore|"
            + "discuss|evaluate|assess|work on|address|fix|clean up|optimi[sz]e|strengthen|tighten|update|refine|check|monitor|"
            + "add more|more)\\b", FLAGS);
    private static final Pattern GENERIC_ENDING = Pattern.compile("\\b(?:improve|better|more|additional|enhanced?|increased?)\\s+"
            + "(?:our\\s+|the\\s+)?(?:monitoring|alerting|alerts|testing|tests|documentation|docs|communication|process(?:es)?|"
            + "observability|visibility|coverage|logging|training|resilience|reliability)\\s*[.!]?\\s*$", FLAGS);

    private final PostMortem pm;
    private final SourceMap map;
    private final SloPolicy policy;
    private final LocalDate today;
    private final String section;

    ActionabilityRules(PostMortem pm, SourceMap map, SloPolicy policy, LocalDate today) {
        this.pm = pm;
        this.map = map;
        this.policy = policy;
        this.today = today;
        this.section = TextUnits.heading(pm, SectionKind.ACTION_ITEMS);
    }

    List<Finding> check() {
        List<Finding> out = new ArrayList<>();
        List<ActionItem> actions = pm.actionItems();
        int sectionLine = pm.section(SectionKind.ACTION_ITEMS).map(s -> map.sectionLine(pm.sections().indexOf(s))).orElse(0);
        boolean major = pm.severity() != null && pm.severity().isMajor();
        if (actions.isEmpty()) {
            out.add(new Finding("actionability.no-actions", major ? Level.ERROR : Level.WARNING, section, sectionLine,
                    "no action items: what will change so this does not happen again, or does less harm?", "",
                    "Add lines like '- [ ] [priority] Alert on replication lag above 60 s @owner'"));
            return out;
        }
        if (major && policy.actionClasses().contains("priority") && actions.stream().noneMatch(a -> a.actionClass().equals("priority"))) {
            out.add(new Finding("actionability.no-priority-action", Level.ERROR, section, sectionLine,
                    pm.severity() + " needs at least one [priority] action: the fix that stops this from happening again", "",
                    "Mark the action that removes the root cause with [priority]"));
        }
        List<Set<String>> seen = new ArrayList<>();
        for (int i = 0; i < actions.size(); i++) {
            ActionItem a = actions.get(i);
            int line = map.actionLine(i);
            Set<String> words = words(a.summary());
            for (int j = 0; j < i; j++) {
                if (a.id().equals(actions.get(j).id())) {
                    int other = map.actionLine(j);
                    out.add(new Finding("actionability.duplicate", Level.WARNING, section, line,
                            "this action is written twice" + (other > 0 ? " (line " + other + " and here)" : "") + "; one ticket serves both",
                            a.summary(), "Remove one of the two lines"));
                    break;
                }
                if (similar(words, seen.get(j))) {
                    int other = map.actionLine(j);
                    out.add(new Finding("actionability.duplicate", Level.WARNING, section, line,
                            "this action repeats an earlier one" + (other > 0 ? " (line " + other + ")" : " ('" + actions.get(j).summary() + "')"),
                            a.summary(), "Merge the two, or say how they differ"));
                    break;
                }
            }
            seen.add(words);
            if (a.done()) continue;
            if (NOT_AN_ACTION.matcher(a.summary()).find()) {
                out.add(new Finding("actionability.vague", Level.WARNING, section, line,
                        "not an action anyone can finish: it asks people to behave differently instead of changing a system",
                        a.summary(), "Say what will be built or changed and how you will know it is done, e.g. "
                        + "'Add a confirmation prompt to db-migrate when the target is production'"));
            } else if (GENERIC_ENDING.matcher(a.summary()).find()
                    || (VAGUE_VERB.matcher(a.summary()).find() && words.size() <= 3 && !a.summary().matches(".*\\d.*"))) {
                out.add(new Finding("actionability.vague", Level.WARNING, section, line,
                        "too vague to finish or verify: what exactly, and how will we know it is done?", a.summary(),
                        "Be specific, e.g. instead of 'Improve monitoring': 'Alert when replication lag exceeds 60 s for 5 minutes'"));
            }
            if (a.owner() == null) {
                out.add(new Finding("actionability.no-owner", Level.WARNING, section, line,
                        "no owner: an action nobody owns is not done", a.summary(), "Add @name of the person who will see it through"));
            }
            if (a.due() == null) {
                boolean policySets = policy.dueAfter(a.actionClass(), pm.severity()).isPresent();
                out.add(new Finding("actionability.no-due-date", policySets ? Level.INFO : Level.WARNING, section, line,
                        policySets ? "no due date: the SLO policy will set one for " + a.actionClass() + " actions"
                                : "no due date, and the SLO policy sets none for " + a.actionClass() + " actions",
                        a.summary(), "Add due:YYYY-MM-DD to choose the date yourself"));
            } else if (a.due().isBefore(today)) {
                out.add(new Finding("actionability.due-in-past", Level.WARNING, section, line,
                        "due " + a.due() + ", which has passed, and the action is not done", a.summary(),
                        "Move the date with due:YYYY-MM-DD, or tick it off with [x] if it is done"));
            }
        }
        return out;
    }

    private static Set<String> words(String s) {
        return Arrays.stream(s.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(w -> w.length() > 2 && !Set.of("the", "and", "for", "with", "all", "our").contains(w))
                .collect(Collectors.toCollection(HashSet::new));
    }

    /** Near-identical word sets (Jaccard at least 0.8) count as the same action. */
    private static boolean similar(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) return false;
        Set<String> inter = new HashSet<>(a);
        inter.retainAll(b);
        Set<String> union = new HashSet<>(a);
        union.addAll(b);
        return (double) inter.size() / union.size() >= 0.8;
    }
}
