package io.hindsight.core.lint.blameless;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The cheap first pass: does a sentence hold what a rule starts from? Most sentences of a post-mortem
 * do not ("14:05 replica set 3 re-synced, error rate 2%"), and they skip the tagger. Words that are
 * everywhere in post-mortems ("error", "failed", "fired", "because", "set") count only with the company
 * a rule needs ("human error", "failed to", "fire him", "because of", "set ... by mistake").
 * It errs on the side of looking: a sentence it lets through costs a tagging, one it drops is a miss.
 */
final class Screen {
    /** Words that are enough on their own. */
    private final Set<String> alone = new HashSet<>();
    private final Lexicon lex;

    Screen(Lexicon lex) {
        this.lex = lex;
        for (String list : List.of("harm", "harm-cause", "fail", "judgement", "hindsight-adverb", "hindsight-adjective", "training")) {
            for (String w : lex.list(list)) alone.add(w.contains(" ") ? w.substring(0, w.indexOf(' ')) : w);
        }
        alone.addAll(List.of("blame", "fault", "culprit", "responsible", "accountable", "culpable", "retrain", "re-train", "disciplinary",
                "probation", "hindsight", "retrospect", "anyone", "everyone", "anybody", "everybody", "matter", "bound", "wall", "flag", "sign",
                "pebkac", "picnic", "id10t", "layer", "ball", "asleep", "attention", "lack", "better", "corner", "bother", "supposed",
                "consequence", "example", "shame", "pip", "improvement", "needless", "saying", "coming", "rookie", "sense", "no-brainer",
                "offline", "ban", "let", "allow", "keyboard", "surprise", "surprising", "unsurprising", "nobody", "reprimand", "punish",
                "sign-off", "signoff", "supervision"));
        // everywhere in post-mortems; they need company (see worthALook)
        for (String w : List.of("fail", "take", "drop", "move", "cause", "trigger", "set", "run", "go", "clear", "plain", "apparent")) alone.remove(w);
    }

    boolean worthALook(List<Token> tokens) {
        boolean errorNoun = false, byPerson = false, modal = false, have = false, qualifier = false, neutral = false, introduce = false,
                fault = false, removal = false, sanctionThing = false, cause = false;
        int n = tokens.size();
        for (int i = 0; i < n; i++) {
            Token t = tokens.get(i);
            String l = t.lemma(), w = t.lower();
            Token next = i + 1 < n ? tokens.get(i + 1) : null;
            if (alone.contains(l) || alone.contains(w)) return true;
            for (String c : Lexicon.candidates(w)) if (alone.contains(c)) return true;
            if (w.startsWith("fat-finger") || w.endsWith("-error") || w.endsWith("-mistake") || w.startsWith("human-") || w.startsWith("man-made")) return true;
            if (next != null) {
                if (t.is("fail") && next.is("to")) return true;
                if (t.is("because") && next.is("of") || t.is("due", "thanks") && next.is("to")) return true;
                if (t.is("our", "his", "her", "my", "their", "your") && (lex.in("blame-noun", next.lemma()) || next.is("fault"))) return true;
                if (w.equals("'s") && (lex.in("blame-noun", next.lemma()) || next.is("fault", "job", "responsibility", "task", "duty")
                        || lex.in("harm-qualifier", next.lower()) || lex.in("judgement", next.lower()) || lex.in("sanction-thing", next.lemma()))) return true;
                if (next.is("leave") && t.is("administrative", "unpaid", "garden", "forced")) return true;
                if (t.is("question") && next.is("of")) return true;
                if (t.is("written", "write") && next.is("warning", "up")) return true;
                if (t.is("lose") && next.is("his", "her", "their")) return true;
                if (t.is("issue", "issues", "problem", "problems") && i > 0 && tokens.get(i - 1).is("people", "personnel", "staffing", "8", "eight")) return true;
                if (t.is("cause", "culprit", "reason", "trigger") && next.is("be", "was", "is", "of")) return true;
                if (t.is("clear", "plain", "apparent", "evident") && next.is("that", "as", "to", "from", "in")) return true;
                if (t.is("going") && i > 0 && tokens.get(i - 1).is("always", "never")) return true;
                if (lex.in("sanction", l) && (next.is("him", "her", "them", "whoever", "anyone", "everyone") || i > 0 && tokens.get(i - 1).is("be", "been", "get", "got"))) return true;
                if (lex.in("sanction", l) && (next.capitalised() || next.is("him", "her", "them", "whoever", "anyone", "the", "our", "a", "an")
                        && i + 2 < n && (people(tokens.get(i + 2)) || i + 3 < n && people(tokens.get(i + 3))))) return true;
            }
            if (lex.in("error-noun", l) && i > 0 && tokens.get(i - 1).is("simple", "trivial", "basic", "silly", "textbook", "elementary", "rookie")) return true;
            if ((w.equals("down") || w.equals("out") || w.equals("over") || w.equals("away") || w.equals("up")) && phrasalBefore(tokens, i)) return true;
            if (w.equals("on") && i > 0 && tokens.get(i - 1).is("be", "entirely", "squarely", "solely", "all", "totally")) return true;
            if (lex.in("diligence", l) && negatedWithin(tokens, i, 3)) return true;
            if (t.is("if") && next != null && next.is("only") || t.is("had") && (i == 0 || tokens.get(i - 1).is("if", ","))) return true;
            if (lex.in("error-noun", l) || lex.in("blame-noun", l)) errorNoun = true;
            if (lex.in("human-modifier", l) || lex.in("human-modifier", w) || w.equals("by") || w.equals("part")) byPerson = true;
            if (lex.in("modal", w)) modal = true;
            if (w.equals("have") || w.equals("of") || w.equals("'ve") || w.endsWith("ve") && lex.in("modal", w) || w.equals("shoulda") || w.equals("coulda")) have = true;
            if (lex.in("harm-qualifier", w) || w.equals("without") || w.equals("mistake") && i > 0 && tokens.get(i - 1).is("by")
                    || w.equals("accident") && i > 0 && tokens.get(i - 1).is("by")) qualifier = true;
            if (lex.in("destructive-modifier", w) && next != null && (lex.in("destructive-object", next.lemma())
                    || i + 2 < n && lex.in("destructive-object", tokens.get(i + 2).lemma()))) qualifier = true;
            if (lex.in("neutral-action", l)) neutral = true;
            if (lex.in("harm-introduce", l)) introduce = true;
            if (lex.in("harm-introduce-object", l)) fault = true;
            if (t.is("cause", "trigger")) cause = true;
            if (lex.in("sanction-remove", l) || t.is("take", "move")) removal = true;
            if (lex.in("sanction-thing", l) || lex.in("sanction-place", l)) sanctionThing = true;
            if (lex.in("sanction", l)) removal = true;
        }
        return errorNoun && byPerson || modal && have || qualifier && neutral || introduce && fault || removal && sanctionThing
                || cause && byPerson;
    }

    private boolean people(Token t) {
        return lex.in("role", t.lemma()) || lex.in("team", t.lemma()) || lex.in("department", t.lower()) || lex.in("ambiguous-role", t.lemma())
                || t.capitalised();
    }

    private static boolean negatedWithin(List<Token> tokens, int i, int window) {
        for (int k = Math.max(0, i - window); k < i; k++) {
            if (tokens.get(k).negation() || tokens.get(k).is("nobody")) return true;
        }
        return false;
    }

    /** "took ... down", "messed up": a harm verb made of a verb and a particle. */
    private boolean phrasalBefore(List<Token> tokens, int i) {
        for (int k = Math.max(0, i - 5); k < i; k++) {
            if (lex.in("harm", tokens.get(k).lemma() + " " + tokens.get(i).lower())) return true;
        }
        return false;
    }
}
