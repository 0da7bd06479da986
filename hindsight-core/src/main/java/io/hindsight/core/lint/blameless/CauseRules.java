package io.hindsight.core.lint.blameless;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code blameless.person-as-cause}: a person, role or team as the agent of the damage. "Tomasz broke
 * checkout", "the outage was caused by the DBA", "because of Ximena", "Dilnoza's typo caused it",
 * "the culprit was Ekaterina", "Ops is to blame", "this one is on the networking team". Ordinary actions
 * ("deleted", "ran", "pushed") blame only with a harm qualifier ("by mistake", "untested") or a
 * destructive object ("the production database"): "Ngozi dropped the old index" is not blame.
 */
final class CauseRules extends RuleSet {
    static final String RULE = "blameless.person-as-cause";


    CauseRules(Lexicon lex, Agents agents) {
        super(lex, agents);
    }

    @Override
    List<Hit> find(Sentence s) {
        List<Hit> hits = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) {
            Token w = s.get(i);
            if (w.verb() || w.lower().endsWith("ed") && !w.noun() || w.tag().equals("PUNCT") && w.word()) predicate(s, i, hits);
            if (w.is("because") && s.has(i + 1, "of") || w.is("due") && s.has(i + 1, "to") || w.is("thanks") && s.has(i + 1, "to")
                    || w.is("blame") && !w.verb() && s.has(i - 1, "to")) {
                causalPhrase(s, i, hits);
            }
            if (w.is("blame", "fault", "responsibility") && !w.verb()) blameLies(s, i, hits);
            if (w.is("cause", "culprit", "trigger", "reason") && (w.noun() || s.has(i - 1, "root", "main", "primary", "real", "underlying", "the", "a", "actual", "true"))) causeIs(s, i, hits);
            if (w.lower().equals("'s")) possessive(s, i, hits);
            if (w.is("his", "her") && i + 1 < s.size() && (lex.in("blame-noun", s.get(i + 1).lemma()) || s.get(i + 1).is("fault"))
                    && !s.negatedBefore(i, 4)) {
                hits.add(new Hit(RULE, 0.8, i, i + 2, new Agent(Agent.Kind.PERSON, 0.9, i, i + 1)));
            }
            if (w.is("responsible", "accountable", "culpable") && !s.negatedBefore(i, 4)) responsible(s, i, hits);
            if (w.is("on") && i > 0 && s.get(i - 1).is("be", "entirely", "squarely", "all", "totally", "solely", "firmly")) onSomeone(s, i, hits);
            if (w.is("to") && i > 0 && (s.get(i - 1).is("back", "down", "attributable", "attributed", "due") && i > 1 && s.get(i - 2).is("trace", "traces", "traced", "come", "comes", "boil", "boils", "be", "attributable", "attributed", "entirely", "largely", "directly")
                    || s.get(i - 1).is("attributable", "attributed"))) {
                Agent a = agents.object(s.t, i);
                if (a.people() && a.kind() != Agent.Kind.AFFECTED && a.kind() != Agent.Kind.WE && !s.negatedBefore(i, 4)) {
                    hits.add(new Hit(RULE, 0.85 * a.weight(), Math.max(0, i - 2), a.to(), a));
                }
            }
            if (w.is("reason", "cause", "culprit") && s.has(i - 1, "the", "root", "main", "real") && !s.has(i + 1, "of", "for") ) personIsCause(s, i, hits);
            if (w.is("why", "what") && i > 1 && (s.get(i - 1).is("be") || s.get(i - 1).lower().equals("'s")) && s.get(i - 2).is("that", "which", "this")) consequence(s, i, hits);
            if (w.is("make") && s.find(i + 1, 3, "wrong", "bad", "poor", "terrible", "awful") > 0 && s.find(i + 2, 3, "call", "decision", "choice", "judgement", "judgment") > 0) wrongCall(s, i, hits);
        }
        return hits;
    }

    private void predicate(Sentence s, int i, List<Hit> hits) {
        Token w = s.get(i);
        String lemma = w.lemma();
        double base;
        String replacement = "A change";
        if (lex.in("harm", lemma)) base = 0.95;
        else if (phrasal(s, i)) base = 0.95;
        else if (lex.in("harm-cause", lemma)) base = 0.9;
        else if (lex.in("harm-introduce", lemma) && introducesFault(s, i)) base = 0.9;
        else if (lex.in("neutral-action", lemma) && harmful(s, i)) { base = 0.85; replacement = "A command"; }
        else if (w.lower().endsWith("ed") && s.has(i + 1, "by") && i > 0 && (lex.in("harm-introduce", lemma) || lex.in("neutral-action", lemma)) && (lex.in("harm-introduce-object", s.get(i - 1).lemma())
                || lex.in("blame-noun", s.get(i - 1).lemma()))) base = 0.85; // "a misconfiguration entered by the network engineer"
        else return;
        if (s.negatedBefore(i, 3)) return;
        // "allowed any engineer to delete": an infinitive is what someone could do, not what they did
        int decider = -1;
        if (s.has(i - 1, "to")) {
            // "mehmet decided on his own to flush the cluster": the decision is the act
            int k = i - 2;
            while (k >= 0 && s.get(k).is("on", "his", "her", "their", "own", "by", "himself", "herself", "just", "simply")) k--;
            if (k < 0 || !s.get(k).is("decide", "choose", "opt", "elect")) return;
            decider = k;
        }
        // "the misconfigured load balancer": a participle used as an adjective
        if (i > 0 && s.get(i - 1).tag().equals("DET") && !w.verb()) return;
        if (i > 0 && s.get(i - 1).tag().equals("DET") && i + 1 < s.size() && s.get(i + 1).noun()) return;
        // "A CIDR mistyped by the operator": a reduced passive
        boolean passive = passive(s, i) || w.lower().endsWith("ed") && s.has(i + 1, "by") && !s.has(i + 2, "mistake", "accident", "hand", "default");
        Agent agent = passive ? byAgent(s, i) : agents.subject(s.t, decider >= 0 ? decider : i);
        double weight = agent != null && agent.kind() == Agent.Kind.WE ? 0.8 : 1;
        if (agent != null && !agent.people()) {
            // "Nomvula pushed a config change that took the gateway offline": the person who made the change
            Agent maker = makerOfThat(s, i);
            if (maker != null) { agent = maker; weight = 0.8; }
        }
        if (agent != null && !agent.people() && !passive) {
            // "Priya's deploy took down the API": the damage is pinned on the owner of the change
            Agent owner = possessorOf(s, agent);
            if (owner != null) { agent = owner; weight = 0.7; }
        }
        if (agent == null || !agent.people() || agent.kind() == Agent.Kind.AFFECTED) return;
        hits.add(new Hit(RULE, base * agent.weight() * weight, Math.min(agent.from(), i), Math.max(i + 1, agent.to()), agent,
                agent.to() <= i ? replacement : null));
    }

    private Agent makerOfThat(Sentence s, int i) {
        int k = i - 1;
        while (k >= 0 && (s.get(k).tag().equals("ADV") || s.get(k).tag().equals("AUX"))) k--;
        if (k < 2 || !s.get(k).is("that", "which")) return null;
        Agent thing = agents.phraseEndingAt(s.t, k - 1);
        int verb = thing.from() - 1;
        while (verb >= 0 && s.get(verb).tag().equals("DET")) verb--;
        if (verb < 1 || !(lex.in("neutral-action", s.get(verb).lemma()) || lex.in("harm-introduce", s.get(verb).lemma()))) return null;
        Agent maker = agents.subject(s.t, verb);
        return maker.people() && maker.kind() != Agent.Kind.AFFECTED ? maker : null;
    }

    private Agent possessorOf(Sentence s, Agent a) {
        for (int k = a.from(); k < a.to() && k < s.size(); k++) {
            if (s.get(k).lower().equals("'s") && k > a.from()) {
                Agent owner = agents.classify(s.t, a.from(), k - 1);
                return owner.people() ? owner : null;
            }
        }
        return null;
    }

    /** "took X down", "messed up", "brought down", "knocked out", "blew away", "took ... offline". */
    private boolean phrasal(Sentence s, int i) {
        Token w = s.get(i);
        for (int k = i + 1; k < s.size() && k <= i + 5; k++) {
            Token p = s.get(k);
            if (s.boundary(k)) return false;
            String pair = w.lemma() + " " + p.lower();
            if (lex.in("harm", pair)) return true;
        }
        return false;
    }

    private boolean introducesFault(Sentence s, int i) {
        for (int k = i + 1; k < s.size() && k <= i + 4; k++) if (lex.in("harm-introduce-object", s.get(k).lemma())) return true;
        return false;
    }

    /** A harm qualifier in the clause, or a destructive object right after the verb. */
    private boolean harmful(Sentence s, int i) {
        int start = s.clauseStart(i);
        for (int k = start; k < s.size(); k++) {
            if (k > i && s.boundary(k)) break;
            Token w = s.get(k);
            if (w.is("mistake", "accident") && s.has(k - 1, "by")) return true;
            // "on his own", "by himself": done alone, against the usual checks
            if (w.is("own") && s.has(k - 1, "his", "her", "their") && s.has(k - 2, "on")) return true;
            if (w.is("himself", "herself", "themselves") && s.has(k - 1, "by")) return true;
            // adjectives describe the thing after a preposition, not the act: "dropped traffic on the bad canary"
            if (lex.in("harm-qualifier", w.lower()) && !w.lower().endsWith("ly") && (s.has(k - 1, "on", "from", "off", "of", "for", "away")
                    || s.get(Math.max(0, k - 1)).tag().equals("DET") && s.has(k - 2, "on", "from", "off", "of", "for", "away"))) continue;
            if (lex.in("harm-qualifier", w.lower())) return true;
            if (w.is("without") && s.has(k + 1, "test", "testing", "review", "approval", "check", "checking", "backup", "telling", "asking", "permission", "a", "any")) return true;
        }
        boolean modifier = false;
        for (int k = i + 1; k < s.size() && k <= i + 5; k++) {
            Token w = s.get(k);
            if (lex.in("destructive-modifier", w.lower())) modifier = true;
            else if (modifier && lex.in("destructive-object", w.lemma())) return true;
            if (!(w.noun() || w.tag().equals("ADJ") || w.tag().equals("DET") || w.tag().equals("PROPN") || w.lower().equals("'s"))) break;
        }
        return false;
    }

    private static boolean passive(Sentence s, int i) {
        if (!s.get(i).lower().endsWith("ed") && !s.get(i).lower().endsWith("en") && !s.get(i).lower().equals("broke")) return false;
        for (int k = i - 1; k >= 0 && k >= i - 3; k--) {
            Token w = s.get(k);
            if (w.is("be")) return true;
            if (!w.tag().equals("ADV") && !w.negation()) return false;
        }
        return false;
    }

    /** The agent after "by" in a passive ("was caused by Oluwaseun pushing..."); null when there is none. */
    private Agent byAgent(Sentence s, int i) {
        int by = s.find(i + 1, 4, "by");
        if (by < 0 || by + 1 >= s.size()) return null;
        return agents.object(s.t, by);
    }

    /** "because of Ximena", "due to the DBA", "thanks to Dmitri, we lost...", "someone to blame". */
    private void causalPhrase(Sentence s, int i, List<Hit> hits) {
        Token w = s.get(i);
        if (w.is("blame")) {
            // "X is to blame"
            Agent a = agents.subject(s.t, i - 1);
            if (a.people() && s.has(i - 2, "be") && !s.negatedBefore(i, 4)) hits.add(new Hit(RULE, 0.9 * a.weight(), a.from(), i + 1, a));
            return;
        }
        int at = i + 1;
        if (at + 1 >= s.size()) return;
        Agent a = agents.object(s.t, at);
        if (!a.people() || a.kind() == Agent.Kind.WE) return;
        boolean possessive = false;
        for (int k = at + 1; k < s.size() && k <= a.to() + 1; k++) if (s.get(k).lower().equals("'s")) possessive = true;
        if (possessive) {
            // "thanks to Jae-won's quick diagnosis": the possessive rule judges the noun; but "because of Dmitri's change"
            // pins the outcome on the owner of a change
            if (w.is("thanks")) return;
            int noun = a.to() + 1;
            while (noun < s.size() && s.get(noun).tag().equals("ADJ")) noun++;
            if (noun < s.size() && lex.in("change-noun", s.get(noun).lemma()) && a.kind() != Agent.Kind.AFFECTED && !s.negatedBefore(i, 3)
                    && !goodOutcome(s)) {
                hits.add(new Hit(RULE, 0.8 * a.weight(), i, noun + 1, a));
            }
            return;
        }
        if (w.is("thanks") && !badOutcome(s)) return; // "thanks to Oleksandr, the region recovered"
        double base = w.is("thanks") ? 0.7 : 0.85;
        if (s.negatedBefore(i, 3)) return;
        hits.add(new Hit(RULE, base * a.weight(), i, a.to(), a));
    }

    private static final java.util.Set<String> BAD = java.util.Set.of("down", "lost", "lose", "outage", "break", "broke", "broken", "fail", "failed",
            "dark", "crash", "crashed", "error", "errors", "corrupt", "corrupted", "offline", "wipe", "wiped", "delete", "deleted", "loss",
            "incident", "degraded", "unavailable", "stale", "drop", "dropped", "hours", "went");

    private static boolean badOutcome(Sentence s) {
        for (int k = 0; k < s.size(); k++) if (BAD.contains(s.get(k).lower()) || BAD.contains(s.get(k).lemma())) return true;
        return false;
    }

    /** "blame for the data loss lies with Agnieszka", "the fault lies with QA", "blame goes to Giovanni". */
    private void blameLies(Sentence s, int i, List<Hit> hits) {
        int verb = s.find(i + 1, 7, "lie", "rest", "fall", "go", "belong", "sit", "be");
        if (verb < 0) return;
        int prep = s.find(verb + 1, 3, "with", "on", "to");
        if (prep < 0 || s.negatedBefore(prep, 6)) return;
        Agent a = agents.object(s.t, prep);
        if (a.people() && a.kind() != Agent.Kind.AFFECTED) hits.add(new Hit(RULE, 0.9 * a.weight(), i, a.to(), a));
    }

    /** "the root cause was the release manager", "the culprit was Ekaterina, who...". */
    private void causeIs(Sentence s, int i, List<Hit> hits) {
        int colon = i + 1;
        while (colon < s.size() && s.get(colon).text().equals("*")) colon++;
        if (colon < s.size() && s.get(colon).text().equals(":") && s.has(i - 1, "root", "main", "primary", "real", "actual", "underlying")) {
            // "Root cause: Tomasz", "**Root cause:** @kenji.t — his PR...": a heading that names a person
            int at = colon;
            while (at + 1 < s.size() && s.get(at + 1).text().equals("*")) at++;
            Agent a = agents.object(s.t, at);
            if (a.people() && a.individual() || a.kind() == Agent.Kind.TEAM) hits.add(new Hit(RULE, 0.9 * a.weight(), i, a.to(), a));
            return;
        }
        int be = s.find(i + 1, 6, "be");
        if (be < 0 || s.negatedBefore(be + 1, 2) || s.has(be + 1, "not", "never")) return;
        for (int k = i + 1; k < be; k++) if (s.boundary(k)) return;
        Agent a = agents.object(s.t, be);
        if (a.people() && a.kind() != Agent.Kind.AFFECTED && a.kind() != Agent.Kind.WE) {
            hits.add(new Hit(RULE, 0.9 * a.weight(), i, a.to(), a));
        }
    }

    /** "Hamid is the reason checkout was down", "Tomasz was the root cause". */
    private void personIsCause(Sentence s, int i, List<Hit> hits) {
        int k = i - 1;
        while (k >= 0 && s.get(k).is("the", "root", "main", "real", "primary", "whole", "only", "sole")) k--;
        if (k < 1 || !s.get(k).is("be")) return;
        Agent a = agents.subject(s.t, k + 1);
        if (a.people() && a.kind() != Agent.Kind.AFFECTED && a.kind() != Agent.Kind.WE && !s.negatedBefore(i, 4)) {
            hits.add(new Hit(RULE, 0.85 * a.weight(), a.from(), i + 1, a));
        }
    }

    /** "Dilnoza's typo", "the junior developer's bad migration", "It was Tariq's fault". */
    private void possessive(Sentence s, int i, List<Hit> hits) {
        if (i == 0 || i + 1 >= s.size()) return;
        int k = i + 1;
        boolean bad = false;
        while (k < s.size() && k <= i + 3 && (s.get(k).tag().equals("ADJ") || s.get(k).tag().equals("ADV") || lex.in("harm-qualifier", s.get(k).lower())
                || lex.in("judgement", s.get(k).lower()))) {
            if (lex.in("harm-qualifier", s.get(k).lower()) || lex.in("judgement", s.get(k).lower())) bad = true;
            k++;
        }
        if (k >= s.size()) return;
        Token noun = s.get(k);
        if (!(lex.in("blame-noun", noun.lemma()) || bad && (noun.noun() || noun.verb()))) return;
        Agent a = agents.phraseEndingAt(s.t, i - 1);
        if (!a.people() || a.kind() == Agent.Kind.AFFECTED || s.negatedBefore(a.from(), 3)) return;
        hits.add(new Hit(RULE, 0.9 * a.weight(), a.from(), k + 1, a));
    }

    /** "Mirela is responsible for the 3-hour outage". */
    private void responsible(Sentence s, int i, List<Hit> hits) {
        int be = i - 1;
        while (be >= 0 && s.get(be).tag().equals("ADV")) be--;
        if (be < 0 || !s.get(be).is("be")) return;
        int prep = s.find(i + 1, 2, "for");
        if (prep < 0) return;
        boolean incident = false;
        for (int k = prep + 1; k < s.size() && k <= prep + 5; k++) {
            if (s.get(k).is("outage", "incident", "downtime", "failure", "breakage", "loss", "mistake", "error", "disruption", "problem", "damage", "degradation", "bug")) incident = true;
        }
        if (!incident) return;
        Agent a = agents.subject(s.t, be + 1);
        if (a.people() && a.kind() != Agent.Kind.AFFECTED) hits.add(new Hit(RULE, 0.85 * a.weight(), a.from(), i + 1, a));
    }

    /** "This outage is entirely on the networking team." */
    private void onSomeone(Sentence s, int i, List<Hit> hits) {
        int be = i - 1;
        while (be >= 0 && !s.get(be).is("be")) {
            if (!s.get(be).tag().equals("ADV") && !s.get(be).is("entirely", "squarely", "all", "totally", "solely", "firmly")) return;
            be--;
        }
        if (be < 1) return;
        Agent subject = agents.subject(s.t, be);
        if (subject.people()) return;
        Agent a = agents.object(s.t, i);
        if (a.people() && a.kind() != Agent.Kind.AFFECTED && a.kind() != Agent.Kind.WE && !s.negatedBefore(i, 3)) {
            hits.add(new Hit(RULE, 0.75 * a.weight(), i, a.to(), a));
        }
    }

    /** "the table was dropped by Ahmed, and that is why the service failed", "Nadia was sloppy, and that's what lost us the VPC". */
    private void consequence(Sentence s, int i, List<Hit> hits) {
        int link = i - 2;
        if (!tailIsBad(s, i + 1)) return;
        for (int k = 0; k < link; k++) {
            Token v = s.get(k);
            if (!(v.verb() || v.tag().equals("AUX") && v.is("be"))) continue;
            if (s.negatedBefore(k, 3)) continue;
            Agent a = passive(s, k) && s.find(k + 1, 4, "by") > 0 ? byAgent(s, k) : agents.subject(s.t, k);
            if (a == null || !a.people() || a.kind() == Agent.Kind.AFFECTED || a.kind() == Agent.Kind.WE || a.kind() == Agent.Kind.THEY) continue;
            hits.add(new Hit(RULE, 0.8 * a.weight(), Math.min(a.from(), k), i + 1, a));
            return;
        }
    }

    private static final java.util.Set<String> BAD_TAIL = java.util.Set.of("impact", "500s", "5xx", "errors", "error", "large", "long", "longer",
            "worse", "outage", "down", "lost", "lose", "fail", "failed", "failing", "broke", "break", "broken", "crash", "crashed", "return",
            "returning", "took", "take", "cost", "corrupt", "corrupted", "dropped", "stale", "timeouts", "timed", "paged", "spike", "spiked");

    /** Words of a good outcome: "which is why errors dropped to zero" credits, it does not blame. */
    private static final java.util.Set<String> GOOD_TAIL = java.util.Set.of("recover", "recovered", "recovery", "zero", "resolved", "restored",
            "normal", "stable", "shortened", "shorter", "fixed", "healthy", "improved", "quickly", "faster", "fast", "saved", "avoided", "prevented",
            "contained", "mitigated", "succeeded");

    private static boolean goodOutcome(Sentence s) {
        for (int k = 0; k < s.size(); k++) if (GOOD_TAIL.contains(s.get(k).lower())) return true;
        return false;
    }

    private static boolean tailIsBad(Sentence s, int from) {
        boolean bad = false;
        for (int k = from; k < s.size(); k++) {
            if (GOOD_TAIL.contains(s.get(k).lower())) return false;
            if (BAD_TAIL.contains(s.get(k).lower()) || BAD.contains(s.get(k).lower())) bad = true;
        }
        return bad;
    }

    /** "The IC made the wrong call to fail over": the outcome pinned on one person's decision. */
    private void wrongCall(Sentence s, int i, List<Hit> hits) {
        if (s.negatedBefore(i, 3)) return;
        Agent a = agents.subject(s.t, i);
        if (!a.people() || a.kind() == Agent.Kind.AFFECTED || a.kind() == Agent.Kind.WE) return;
        hits.add(new Hit(RULE, 0.8 * a.weight(), a.from(), s.find(i + 2, 3, "call", "decision", "choice", "judgement", "judgment") + 1, a));
    }
}
