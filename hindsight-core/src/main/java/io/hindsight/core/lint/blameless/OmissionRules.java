package io.hindsight.core.lint.blameless;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a person did not do. {@code blameless.failed-to}: "Bao forgot to renew the certificate", "the
 * on-call ignored the warnings", "Giorgi never checked the backups". {@code blameless.counterfactual}:
 * "Chidi should have checked", "the SRE could of stopped it", "if Emre had read the notes", "had the DBA
 * verified the backup". Systems as subjects ("the health check failed to respond", "the canary should
 * have caught it") are how a blameless report is written, and are not flagged.
 */
final class OmissionRules extends RuleSet {
    static final String FAILED_TO = "blameless.failed-to";
    static final String COUNTERFACTUAL = "blameless.counterfactual";
    /** Outcomes, not actions: "we could have lost data", "it could have been worse". */
    private static final Set<String> OUTCOMES = Set.of("lose", "be", "happen", "go", "end", "result", "cause", "suffer", "experience",
            "face", "have", "get", "become", "affect", "see", "hit", "impact", "expose", "last", "take", "cost", "turn");
    private static final Set<String> PASSIVE_HINDSIGHT = Set.of("avoid", "prevent", "catch", "detect", "stop", "notice", "spot",
            "foresee", "predict", "anticipate", "find", "test", "flag", "identify");
    private static final Set<String> INABILITY = Set.of("can", "could", "ca", "able", "unable", "cannot");


    OmissionRules(Lexicon lex, Agents agents) {
        super(lex, agents);
    }

    @Override
    List<Hit> find(Sentence s) {
        List<Hit> hits = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) {
            Token w = s.get(i);
            if (lex.in("fail", w.lemma()) || w.is("fail")) failure(s, i, hits);
            else if (diligent(s, i) && (w.verb() || w.tag().equals("NOUN") && i > 0 && s.get(i - 1).negation())) negatedDiligence(s, i, hits);
            if (lex.in("modal", w.lower())) modal(s, i, hits);
            if (w.is("let", "allow") && w.verb()) letLapse(s, i, hits);
            if (w.is("job", "responsibility", "task", "duty") && s.has(i - 1, "'s") && s.has(i + 1, "to")) duty(s, i, hits);
            if (w.is("nobody") || w.is("one") && s.has(i - 1, "no")) nobody(s, i, hits);
            if (w.is("if") || w.is("had") && (i == 0 || s.boundary(i - 1) || s.get(i - 1).text().equals(","))) conditional(s, i, hits);
            if (w.is("sit", "sat") && s.has(i + 1, "on") && s.find(i + 2, 3, "alert", "alerts", "page", "pages", "ticket", "tickets", "alarm", "alarms",
                    "warning", "warnings", "escalation", "report", "incident", "pr", "review", "request") > 0) satOn(s, i, hits);
            if (w.is("need", "have") && w.verb() && s.has(i + 1, "to") && !s.has(i + 2, "have")) neededButDidNot(s, i, hits);
            if (w.is("supposed") && s.has(i + 1, "to") && s.has(i - 1, "be") || w.is("need") && s.has(i + 1, "to") && s.has(i + 2, "have")) {
                Agent a = agents.subject(s.t, i - (w.is("supposed") ? 1 : 0));
                if (a.people() && a.kind() != Agent.Kind.AFFECTED) hits.add(new Hit(COUNTERFACTUAL, 0.65 * a.weight(), a.from(), i + 2, a));
            }
        }
        return hits;
    }

    private void failure(Sentence s, int i, List<Hit> hits) {
        Token w = s.get(i);
        if (!(w.verb() || w.tag().equals("AUX") || w.tag().equals("ADJ") && w.lower().endsWith("ed"))) {
            // the tagger reads unfamiliar names before a verb as its subject noun: "Florin forgotten" -> trust the lemma
            if (!lex.in("fail-strong", w.lemma())) return;
        }
        double base;
        if (w.is("fail")) {
            if (!s.has(i + 1, "to")) return;
            // "failed to reproduce", "failed to log in": tried and could not, which blames no one
            if (s.has(i + 2, "reproduce", "connect", "log", "login", "access", "reach", "find", "get", "load", "start", "open", "authenticate",
                    "acquire", "obtain", "identify", "locate", "replicate", "recover", "restore", "contact", "resolve", "determine", "see")) return;
            base = 0.85;
        } else if (lex.in("fail-strong", w.lemma())) {
            base = 0.9;
        } else {
            base = 0.85;
        }
        if (s.negatedBefore(i, 3) && !w.is("fail")) return;
        if (s.has(i + 1, "no", "nothing", "none")) return; // "ignored no alerts"
        Agent a = agents.subject(s.t, i);
        // "the ticket was ignored by the support team"
        if (s.has(i - 1, "be") && s.has(i + 1, "by") || s.has(i - 2, "be") && s.get(i - 1).tag().equals("ADV") && s.has(i + 1, "by")) a = agents.object(s.t, i + 1);
        if (!a.people() || a.kind() == Agent.Kind.AFFECTED) return;
        if (!lex.in("fail-strong", w.lemma()) && a.kind() == Agent.Kind.THEY) return;
        int end = Math.min(s.size(), i + (w.is("fail") ? 3 : 2));
        hits.add(new Hit(FAILED_TO, base * a.weight(), a.from(), end, a));
    }

    /** "Bich Ngoc let the certificate expire", "the intern allowed the disk to fill up". */
    private void letLapse(Sentence s, int i, List<Hit> hits) {
        int v = s.find(i + 2, 5, "expire", "lapse", "slip", "fill", "run", "die", "rot", "drift", "overflow", "go", "happen", "through");
        if (v < 0 || s.get(v).is("go") && !s.has(v + 1, "unnoticed", "unchecked", "stale", "out")) return;
        Agent a = agents.subject(s.t, i);
        if (!a.people() || a.kind() == Agent.Kind.AFFECTED || s.negatedBefore(i, 3)) return;
        hits.add(new Hit(FAILED_TO, 0.85 * a.weight(), a.from(), v + 1, a));
    }

    /** "It was Sione's job to renew the domain, and he did not." */
    private void duty(Sentence s, int i, List<Hit> hits) {
        boolean undone = false;
        for (int k = i + 2; k < s.size(); k++) if (s.get(k).negation() || s.get(k).is("but", "forgot", "instead")) undone = true;
        if (!undone) return;
        Agent a = agents.phraseEndingAt(s.t, i - 2);
        if (a.people() && a.kind() != Agent.Kind.AFFECTED) hits.add(new Hit(FAILED_TO, 0.85 * a.weight(), a.from(), i + 2, a));
    }

    /** "Nobody checked the backups", "no one noticed the alert". */
    private void nobody(Sentence s, int i, List<Hit> hits) {
        int k = i + 1;
        // "nobody on the team noticed"
        if (k + 2 < s.size() && s.get(k).is("on", "in", "from", "at") && s.get(k + 1).tag().equals("DET")) {
            k += 2;
            while (k < s.size() && s.get(k).noun()) k++;
        }
        while (k < s.size() && (s.get(k).tag().equals("ADV") || s.get(k).is("ever", "even"))) k++;
        if (k >= s.size() || !diligent(s, k) || !(s.get(k).verb() || s.get(k).lower().endsWith("ed"))) return;
        if (s.get(k).is("be", "have")) return;
        // "nobody noticed anything unusual": there was nothing to notice
        if (s.has(k + 1, "anything", "any", "nothing")) return;
        hits.add(new Hit(FAILED_TO, 0.7, i, k + 1, new Agent(Agent.Kind.PERSON, 0.6, i, i + 1)));
    }

    /** "did not check", "didn't verify", "never tested", "did not bother to". */
    private void negatedDiligence(Sentence s, int i, List<Hit> hits) {
        int neg = -1;
        for (int k = i - 1; k >= 0 && k >= i - 3; k--) {
            Token w = s.get(k);
            if (w.negation()) { neg = k; break; }
            if (!w.tag().equals("ADV") && !w.is("do", "have", "even")) return;
        }
        if (neg < 0) return;
        // "could not log in" is an inability, not an omission
        if (neg > 0 && INABILITY.contains(s.get(neg - 1).lower())) return;
        if (neg > 0 && !s.get(neg - 1).is("do", "have") && !s.get(neg).is("never")) return;
        Agent a = agents.subject(s.t, neg);
        if (!a.people() || a.kind() == Agent.Kind.AFFECTED || a.kind() == Agent.Kind.THEY) return;
        double base = s.get(i).is("bother", "care") ? 0.9 : 0.75;
        hits.add(new Hit(FAILED_TO, base * a.weight(), a.from(), i + 1, a));
    }

    /** "should have checked", "could of stopped", "ought to have paged", "shouldve caught", "should have been more careful". */
    private void modal(Sentence s, int i, List<Hit> hits) {
        Token m = s.get(i);
        int k = i + 1;
        boolean have = m.lower().endsWith("ve") || m.lower().endsWith("a") && !m.is("ought");
        boolean negated = false;
        while (k < s.size() && k <= i + 4) {
            Token w = s.get(k);
            if (w.is("have", "of", "'ve") && !have) { have = true; k++; continue; }
            if (w.negation()) { negated = true; k++; continue; }
            if (w.is("to") && m.is("ought")) { k++; continue; }
            if (w.tag().equals("ADV") || w.is("really", "just", "easily", "simply", "definitely", "also", "at", "least", "all", "double", "first")) { k++; continue; }
            break;
        }
        if (!have || k >= s.size()) return;
        Token p = s.get(k);
        Agent a = agents.subject(s.t, i);
        boolean people = a.people() && a.kind() != Agent.Kind.AFFECTED;
        double modalWeight = m.is("would", "wouldve", "woulda") ? 0.6 : m.is("could", "couldve", "coulda", "must", "might") ? 0.85 : 0.95;
        if (p.is("be") && k + 1 < s.size()) {
            int q = k + 1;
            while (q < s.size() && s.get(q).tag().equals("ADV")) q++;
            if (q >= s.size()) return;
            Token after = s.get(q);
            if (PASSIVE_HINDSIGHT.contains(after.lemma()) && after.lower().endsWith("ed") || after.is("caught", "found")) {
                if (m.is("would", "wouldve", "woulda")) return;
                // "could have been caught by a schema linter": a safeguard that was missing, not a person
                int by = s.find(q + 1, 2, "by");
                if (!people && by > 0 && agents.object(s.t, by).kind() == Agent.Kind.SYSTEM) return;
                double c = people ? 0.85 * a.weight() : 0.65;
                hits.add(new Hit(COUNTERFACTUAL, c, Math.min(a.from(), i), q + 1, a));
            } else if (people && (after.tag().equals("ADJ") || after.is("more", "less")) && !negated) {
                hits.add(new Hit(COUNTERFACTUAL, 0.85 * modalWeight * a.weight(), a.from(), q + 1, a));
            }
            return;
        }
        if (!people || OUTCOMES.contains(p.lemma()) && !(p.is("have", "had") && m.is("should", "shouldve", "shoulda", "ought"))) return;
        if (!(p.verb() || p.lower().endsWith("ed") || p.lower().endsWith("en") || !p.lemma().equals(p.lower()))) return;
        if (a.kind() == Agent.Kind.THEY) modalWeight *= 0.8;
        hits.add(new Hit(COUNTERFACTUAL, modalWeight * a.weight(), a.from(), k + 1, a));
    }

    /** "If Emre had read the notes...", "Had the DBA verified the backup...", "if only someone had checked". */
    private void conditional(Sentence s, int i, List<Hit> hits) {
        Token w = s.get(i);
        int had;
        Agent a;
        if (w.is("if")) {
            if (s.has(i + 1, "only")) {
                hits.add(new Hit(COUNTERFACTUAL, 0.75, i, i + 2, Agent.none(i)));
                return;
            }
            had = s.find(i + 2, 6, "had");
            if (had < 0) return;
            a = agents.subject(s.t, had);
            if (a.from() != i + 1 && a.from() > i + 1) {
                // the subject must be what follows "if" directly
                for (int k = i + 1; k < a.from(); k++) if (!s.get(k).tag().equals("DET")) return;
            }
        } else {
            had = i;
            a = agents.object(s.t, i);
        }
        int p = Math.max(had, a.to());
        if (p >= s.size()) return;
        if (w.is("if")) p = had + 1;
        while (p < s.size() && (s.get(p).tag().equals("ADV") || s.get(p).is("just", "only"))) p++;
        if (p >= s.size()) return;
        Token verb = s.get(p);
        if (!(verb.verb() || verb.lower().endsWith("ed") || !verb.lemma().equals(verb.lower())) || OUTCOMES.contains(verb.lemma())
                || verb.noun() && !verb.lower().endsWith("ed")) return;
        if (!a.people() || a.kind() == Agent.Kind.AFFECTED) return;
        hits.add(new Hit(COUNTERFACTUAL, 0.85 * a.weight(), i, p + 1, a));
    }

    /** A diligence verb; "remember" and "think" only with "to" ("did not remember to set", "never thought to add"). */
    private boolean diligent(Sentence s, int i) {
        if (!lex.in("diligence", s.get(i).lemma())) return false;
        return !s.get(i).is("remember", "think", "thought") || s.has(i + 1, "to");
    }

    /** "The NOC sat on the alert for 40 minutes": an alert left unhandled. */
    private void satOn(Sentence s, int i, List<Hit> hits) {
        Agent a = agents.subject(s.t, i);
        if (!a.people() || a.kind() == Agent.Kind.AFFECTED || s.negatedBefore(i, 3)) return;
        hits.add(new Hit(FAILED_TO, 0.85 * a.weight(), a.from(), i + 2, a));
    }

    /** "Sven needed to test this in staging first, and he didn't." */
    private void neededButDidNot(Sentence s, int i, List<Hit> hits) {
        int n = s.size();
        while (n > 0 && s.get(n - 1).tag().equals("PUNCT") && !s.get(n - 1).word()) n--;
        // the sentence ends "... and/but he did not"
        if (n < 3 || !s.get(n - 1).negation() || !s.get(n - 2).is("do", "did")) return;
        if (s.find(i + 2, n - i, "and", "but", "yet") < 0) return;
        Agent a = agents.subject(s.t, i);
        if (!a.people() || a.kind() == Agent.Kind.AFFECTED || s.negatedBefore(i, 3)) return;
        hits.add(new Hit(COUNTERFACTUAL, 0.85 * a.weight(), a.from(), i + 2, a));
    }
}
