package io.hindsight.core.lint.blameless;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The cheap first pass: does a sentence hold any word a rule starts from? Most sentences of a
 * post-mortem do not ("14:05 replica set 3 re-synced, error rate 2%"), and they skip the tagger.
 * It errs on the side of looking: a sentence it lets through costs a tagging, one it drops is a miss.
 */
final class Screen {
    private final Set<String> alone = new HashSet<>();
    private final Lexicon lex;

    Screen(Lexicon lex) {
        this.lex = lex;
        for (String list : List.of("harm", "harm-cause", "harm-introduce", "fail", "judgement", "hindsight-adverb", "hindsight-adjective",
                "sanction", "training", "blame-noun")) {
            for (String w : lex.list(list)) alone.add(w.contains(" ") ? w.substring(0, w.indexOf(' ')) : w);
        }
        alone.addAll(List.of("blame", "fault", "culprit", "responsible", "accountable", "culpable", "thanks", "retrain", "re-train",
                "disciplinary", "probation", "hindsight", "retrospect", "anyone", "everyone", "anybody", "everybody", "matter",
                "bound", "wall", "flag", "sign", "pebkac", "picnic", "id10t", "layer", "ball", "asleep", "attention", "lack", "better",
                "corner", "bother", "supposed", "consequence", "example", "shame", "lose", "dock", "written", "warning", "pip",
                "plan", "course", "needless", "saying", "coming", "obvious", "clear", "plain", "only", "rookie", "sense", "no-brainer",
                "improvement", "accident", "fail", "offline", "ban", "let", "allow", "keyboard", "surprise", "surprising", "unsurprising",
                "nobody"));
        // "error", "mistake", "failure" are everywhere in post-mortems ("error rate"); they need a person nearby
        for (String w : lex.list("error-noun")) alone.remove(w);
        for (String w : lex.list("blame-noun")) if (!lex.in("judgement", w)) alone.remove(w);
        alone.add("fault");
        alone.remove("take");
        alone.remove("drop");
        alone.remove("move");
    }

    /** "took ... down", "messed up": a harm verb made of a verb and a particle. */
    private boolean phrasalBefore(List<Token> tokens, int i) {
        for (int k = Math.max(0, i - 5); k < i; k++) {
            if (lex.in("harm", tokens.get(k).lemma() + " " + tokens.get(i).lower())) return true;
        }
        return false;
    }

    boolean worthALook(List<Token> tokens) {
        boolean errorNoun = false, byPerson = false, peopleProblem = false;
        boolean have = false, negation = false, qualifier = false, because = false, ifOrHad = false, modal = false, diligence = false,
                neutral = false, removal = false, sanctionThing = false;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            String l = t.lemma(), w = t.lower();
            if (alone.contains(l) || alone.contains(w)) return true;
            if (w.equals("have") || w.equals("of") || w.endsWith("ve") && lex.in("modal", w) || w.equals("shoulda") || w.equals("coulda")) have = true;
            if (lex.in("modal", w)) modal = true;
            if (t.negation()) negation = true;
            if (lex.in("harm-qualifier", w) || lex.in("destructive-modifier", w) || w.equals("without")) qualifier = true;
            if (lex.in("neutral-action", l)) neutral = true;
            if (lex.in("diligence", l)) diligence = true;
            if (lex.in("sanction-remove", l) || l.equals("take") || l.equals("move")) removal = true;
            if (lex.in("sanction-thing", l) || lex.in("sanction-place", l)) sanctionThing = true;
            if (w.equals("because") || w.equals("due")) because = true;
            if (w.equals("if") || w.equals("had") && i == 0) ifOrHad = true;
            if (w.startsWith("fat-finger")) return true;
            if (i + 1 < tokens.size()) {
                Token next = tokens.get(i + 1);
                if (t.is("our", "his", "her", "my", "their", "your") && (lex.in("blame-noun", next.lemma()) || next.is("fault"))) return true;
                if (w.equals("'s") && next.is("job", "responsibility", "task", "duty")) return true;
                if (next.is("leave") && t.is("administrative", "unpaid", "garden", "forced")) return true;
                if (w.equals("question") && next.is("of")) return true;
            }
            if (lex.in("error-noun", l) || lex.in("blame-noun", l)) errorNoun = true;
            if (lex.in("human-modifier", l) || lex.in("human-modifier", w) || w.equals("by") || w.equals("part") || w.equals("'s")) byPerson = true;
            if ((w.equals("issue") || w.equals("problem") || w.equals("issues") || w.equals("problems")) && i > 0
                    && tokens.get(i - 1).is("people", "personnel", "staffing", "8", "eight")) peopleProblem = true;
            if (lex.in("error-noun", l) && i > 0 && tokens.get(i - 1).is("simple", "trivial", "basic", "silly", "textbook", "elementary", "rookie")) return true;
            if ((w.equals("down") || w.equals("out") || w.equals("over") || w.equals("away") || w.equals("up")) && phrasalBefore(tokens, i)) return true;
            if (w.endsWith("-error") || w.endsWith("-mistake") || w.startsWith("human-") || w.startsWith("man-made")) return true;
            if (w.equals("on") && i > 0 && (tokens.get(i - 1).is("be", "entirely", "squarely", "solely", "all", "totally"))) return true;
            if (w.equals("'s") && i + 1 < tokens.size()) return true;
        }
        return errorNoun && byPerson || peopleProblem || modal && have || negation && diligence || qualifier && neutral || removal && sanctionThing || because || ifOrHad;
    }
}
