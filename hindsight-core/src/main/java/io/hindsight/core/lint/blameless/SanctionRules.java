package io.hindsight.core.lint.blameless;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code blameless.punitive}: a sanction applied to a person, role or team. Firing, discipline, a written
 * warning or a PIP; taking away duties, access or standing ("remove Tomasz from the on-call rotation",
 * "Nkechi's production access has been revoked", "demote the release manager"); mandated training
 * ("Aigerim must complete the training again", "send the ops team to mandatory training"). The same verbs
 * on systems are operations: "terminate the old instances", "demote the old primary", "retrain the model",
 * "revoke the leaked token", "fire the synthetic alert".
 */
final class SanctionRules extends RuleSet {
    static final String RULE = "blameless.punitive";
    private static final java.util.regex.Pattern RETRAIN = java.util.regex.Pattern.compile("re-?train(?:ed|ing|s)?");
    private static final java.util.regex.Pattern RETRAIN_VERB = java.util.regex.Pattern.compile("re-?trains?");


    SanctionRules(Lexicon lex, Agents agents) {
        super(lex, agents);
    }

    @Override
    List<Hit> find(Sentence s) {
        List<Hit> hits = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) {
            Token w = s.get(i);
            if (s.negatedBefore(i, 6) && !(w.is("longer") && s.has(i - 1, "no"))) continue;
            if (w.is("disciplinary", "punitive") || w.is("warning") && s.has(i - 1, "written", "formal", "final", "verbal")
                    || w.is("plan") && s.has(i - 1, "improvement") && s.has(i - 2, "performance") || w.text().equals("PIP") || w.text().equals("PIPs")
                    || w.is("probation") || w.is("shame") && s.has(i - 2, "name") || w.is("example") && s.has(i + 1, "of") && s.has(i - 2, "make")) {
                hits.add(new Hit(RULE, 0.9, Math.max(0, i - 2), i + 1, null));
            } else if (verb(s, i) && (lex.in("sanction", w.lemma()) || w.is("retrain", "re-train", "discipline", "dock", "let"))) {
                sanction(s, i, hits);
            } else if (verb(s, i) && (lex.in("sanction-remove", w.lemma()) || w.is("lose", "take"))) {
                removal(s, i, hits);
            } else if (w.is("write", "written") && (s.has(i + 1, "up") || s.find(i + 1, 4, "up") > 0)) {
                writeUp(s, i, hits);
            } else if (w.is("accountable", "responsible") && s.find(Math.max(0, i - 6), 6, "hold", "held") >= 0) {
                int hold = s.find(Math.max(0, i - 6), 6, "hold", "held");
                Agent a = s.get(hold).is("held") ? agents.subject(s.t, hold) : agents.object(s.t, hold);
                double c = a.people() ? 0.85 * Math.max(a.weight(), 0.9) : 0.7;
                hits.add(new Hit(RULE, c, hold, i + 1, a));
            } else if (lex.in("training", w.lemma()) || w.lower().startsWith("re") && RETRAIN.matcher(w.lower()).matches()) {
                training(s, i, hits);
            } else if (w.is("longer") && s.has(i - 1, "no") && s.find(i + 1, 4, "allowed", "permitted", "trusted", "able", "eligible", "welcome") > 0) {
                Agent a = agents.subject(s.t, i - 1);
                if (a.people() && a.kind() != Agent.Kind.AFFECTED) hits.add(new Hit(RULE, 0.85 * a.weight(), a.from(), s.find(i + 1, 4, "allowed", "permitted", "trusted", "able", "eligible", "welcome") + 1, a));
            } else if (w.is("conduct", "behaviour", "behavior", "performance", "actions") && s.has(i - 1, "'s") && s.find(Math.max(0, i - 6), i - 1 - Math.max(0, i - 6), "review", "investigate", "assess", "evaluate", "examine", "scrutinise", "scrutinize") >= 0) {
                Agent a = agents.phraseEndingAt(s.t, i - 2);
                if (a.people() && a.kind() != Agent.Kind.AFFECTED) hits.add(new Hit(RULE, 0.75 * a.weight(), Math.max(0, i - 4), i + 1, a));
            } else if (w.is("leave") && s.has(i - 1, "administrative", "unpaid", "garden", "forced", "mandatory", "compulsory")) {
                hits.add(new Hit(RULE, 0.85, Math.max(0, i - 1), i + 1, null));
            } else if (w.is("consequence", "consequences") && s.has(i + 1, "for") || w.is("face") && s.has(i + 1, "consequences")) {
                Agent a = w.is("face") ? agents.subject(s.t, i) : agents.object(s.t, i + 1);
                if (a.people()) hits.add(new Hit(RULE, 0.8 * a.weight(), i, i + 2, a));
            } else if (w.is("need", "require", "get") && !s.has(i - 1, "to") && s.find(i + 1, 6, "sign-off", "signoff", "approval", "supervision") > 0
                    && s.find(i + 1, 10, "every", "each", "all", "any") > 0) {
                // "Tomás will need a senior engineer's sign-off for every deploy": a restriction on one person
                Agent a = agents.subject(s.t, i);
                if (a.individual()) hits.add(new Hit(RULE, 0.75 * a.weight(), a.from(), i + 1, a));
            } else if (w.is("ask", "tell", "force", "require", "make") && s.find(i + 2, 5, "step", "stand") > 0 && s.find(i + 3, 6, "down", "aside") > 0 || w.is("resign", "resignation") && s.find(Math.max(0, i - 5), 5, "ask", "asked", "force", "forced", "demand", "demanded") >= 0) {
                Agent a = agents.object(s.t, i);
                if (a.people() && a.kind() != Agent.Kind.AFFECTED) hits.add(new Hit(RULE, 0.85 * a.weight(), i, Math.max(i + 1, a.to()), a));
            } else if (w.is("review", "appraisal", "record", "file", "evaluation") && (s.has(i - 1, "performance") && s.has(i - 2, "'s", "his", "her", "their")
                    || !s.has(i - 1, "performance") && s.has(i - 1, "'s", "his", "her", "their") && w.is("record", "file", "appraisal"))
                    && s.find(Math.max(0, i - 10), 10, "reflect", "reflected", "note", "noted", "go", "goes", "put", "add", "added", "include", "included",
                    "mention", "mentioned", "record", "recorded", "document", "documented", "log", "logged", "flag", "flagged", "count", "against") >= 0) {
                // "make sure this is reflected in Hannah's performance review", "so it goes on her record"
                int owner = s.has(i - 1, "performance") ? i - 2 : i - 1;
                Agent a = s.get(owner).is("his", "her", "their") ? new Agent(Agent.Kind.PERSON, 0.9, owner, owner + 1) : agents.phraseEndingAt(s.t, owner - 1);
                if (a.people() && a.kind() != Agent.Kind.AFFECTED) hits.add(new Hit(RULE, 0.85 * a.weight(), Math.min(a.from(), owner), i + 1, a));
            } else if (w.is("never") && s.find(i + 2, 5, "again") > 0 && s.has(i + 1, "touch", "touches", "deploy", "deploys", "push", "pushes", "access",
                    "accesses", "approve", "approves", "merge", "merges", "ship", "ships", "release", "releases", "handle", "handles", "run", "runs", "work", "works",
                    "get", "gets", "lead", "leads", "be", "is")) {
                // "Make sure Jakub never touches prod again", "the intern will never deploy again"
                boolean imposed = s.find(Math.max(0, i - 5), 5, "sure", "ensure", "will", "should", "must", "can", "shall") >= 0;
                Agent a = agents.subject(s.t, i);
                if (imposed && a.people() && a.kind() != Agent.Kind.AFFECTED && a.kind() != Agent.Kind.WE) hits.add(new Hit(RULE, 0.85 * a.weight(), a.from(), s.find(i + 2, 5, "again") + 1, a));
            } else if ((w.text().equals("HR") || w.is("hr") && s.has(i - 1, "to", "with") || w.is("resources") && s.has(i - 1, "human"))
                    && s.find(Math.max(0, i - 6), 6, "inform", "notify", "tell", "report", "escalate", "involve", "loop", "cc", "alert", "refer", "flag", "forward") >= 0
                    && s.find(i + 1, 3, "if", "unless", "when", "should") < 0) {
                // "Inform HR about the repeated violations", "report the on-call to HR"
                hits.add(new Hit(RULE, 0.85, Math.max(0, s.find(Math.max(0, i - 6), 6, "inform", "notify", "tell", "report", "escalate", "involve", "loop", "cc",
                        "alert", "refer", "flag", "forward")), i + 1, null));
            } else if (w.is("belong", "belongs") && s.find(Math.max(0, i - 5), 5, "whether", "if") >= 0 && s.find(i + 1, 5, "team", "squad", "rotation",
                    "company", "org", "here", "on-call", "project") > 0) {
                // "a conversation about whether they still belong on the platform team"
                Agent a = agents.subject(s.t, i);
                if (a.people() && a.kind() != Agent.Kind.AFFECTED && a.kind() != Agent.Kind.WE) hits.add(new Hit(RULE, 0.85 * Math.max(a.weight(), 0.9), a.from(), i + 1, a));
            } else if (w.is("require") && s.find(i + 2, 6, "sign-off", "signoff", "approval", "supervision", "oversight") >= 0) {
                Agent a = agents.object(s.t, i);
                if (a.individual() && s.find(i + 1, 6, "to") > 0) hits.add(new Hit(RULE, 0.7 * a.weight(), i, a.to(), a));
            }
        }
        return hits;
    }

    /** A verb, or a word opening an action item that the tagger took for a noun ("Revoke Olamide's access"). */
    private static boolean verb(Sentence s, int i) {
        Token w = s.get(i);
        if (w.verb()) return true;
        if (i != s.clauseStart(i) || i + 1 >= s.size()) return false;
        Token next = s.get(i + 1);
        return next.tag().equals("DET") || next.tag().equals("PROPN") || next.capitalised() || next.tag().equals("PRON") || next.is("away", "off")
                || next.tag().equals("NOUN") || next.tag().equals("ADJ");
    }

    /** The person a verb acts on: its object, or its subject when the verb is passive. */
    private Agent patient(Sentence s, int i) {
        boolean passive = false;
        for (int k = i - 1; k >= 0 && k >= i - 3; k--) {
            if (s.get(k).is("be", "get", "got")) { passive = true; break; }
            if (!s.get(k).tag().equals("ADV") && !s.get(k).tag().equals("AUX")) break;
        }
        if (passive) return possessor(s, agents.subject(s.t, i));
        return agents.object(s.t, i);
    }

    /** For "Nkechi's production access", the person who owns the thing. */
    private Agent possessor(Sentence s, Agent a) {
        for (int k = a.from(); k < a.to() && k < s.size(); k++) {
            if (s.get(k).lower().equals("'s") && k > a.from()) return agents.classify(s.t, a.from(), k - 1);
        }
        if (a.kind() == Agent.Kind.UNKNOWN && a.from() > 1 && s.get(a.from() - 1).lower().equals("'s")) {
            return agents.phraseEndingAt(s.t, a.from() - 2);
        }
        return a;
    }

    private void sanction(Sentence s, int i, List<Hit> hits) {
        Token w = s.get(i);
        Agent a = patient(s, i);
        if (w.is("let") && !(s.find(i + 1, 5, "go") > 0)) return;
        if (!a.people() || a.kind() == Agent.Kind.AFFECTED) return;
        // "terminate the contract", "dock the engineer's bonus" name the person through a possessive
        hits.add(new Hit(RULE, 0.9 * a.weight(), i, Math.max(i + 1, a.to()), a));
    }

    /** "remove X from the rotation", "take X off on-call", "revoke X's access", "X will lose their bonus". */
    private void removal(Sentence s, int i, List<Hit> hits) {
        Token w = s.get(i);
        Agent a = patient(s, i);
        boolean thing = false, place = false;
        for (int k = i + 1; k < s.size() && k <= i + 9; k++) {
            Token t = s.get(k);
            if (lex.in("sanction-thing", t.lemma()) || lex.in("sanction-thing", t.lower())) thing = true;
            if (lex.in("sanction-place", t.lemma()) || t.is("team", "project", "squad", "service", "on-call")) place = true;
        }
        for (int k = Math.max(0, a.from() - 1); k < i; k++) if (lex.in("sanction-thing", s.get(k).lemma())) thing = true;
        if (!a.people() || a.kind() == Agent.Kind.AFFECTED) {
            // "X's production access has been revoked", "Revoke Olamide's admin access"
            Agent owner = possessor(s, a);
            if (!owner.people() && thing) {
                // "revoke production access for the whole ops team"
                int forWhom = s.find(a.to(), 3, "for", "from");
                if (forWhom > 0) owner = agents.object(s.t, forWhom);
            }
            if (!owner.people() || !thing) return;
            a = owner;
        }
        boolean fits = switch (w.lemma()) {
            case "revoke", "restrict", "limit", "strip", "suspend", "lose", "dock" -> thing;
            case "remove", "take", "move", "kick", "drop", "exclude", "reassign", "relieve" -> place || thing || w.is("reassign", "relieve");
            case "ban", "bar" -> true;
            default -> false;
        };
        if (!fits) return;
        hits.add(new Hit(RULE, 0.85 * a.weight(), i, Math.max(i + 1, a.to()), a));
    }

    /** "write up the operator", "the on-call will be written up"; not "write up the timeline". */
    private void writeUp(Sentence s, int i, List<Hit> hits) {
        Agent a;
        if (s.get(i).is("written")) {
            a = agents.subject(s.t, i);
        } else {
            int up = s.find(i + 1, 4, "up");
            a = up == i + 1 ? agents.object(s.t, up) : agents.object(s.t, i);
        }
        if (a.people() && a.kind() != Agent.Kind.AFFECTED) hits.add(new Hit(RULE, 0.85 * a.weight(), i, Math.max(i + 2, a.to()), a));
    }

    /** Training as a sanction: mandated, again, or redone by named people; not "a training module on the new tool". */
    private void training(Sentence s, int i, List<Hit> hits) {
        Token w = s.get(i);
        boolean re = w.lower().startsWith("re") || s.find(Math.max(0, i - 4), 4, "retake", "redo", "repeat", "resit", "re-take", "re-do") >= 0
                || s.find(i + 1, 3, "again") >= 0 || s.find(i + 1, 8, "again") >= 0;
        boolean mandated = s.find(Math.max(0, i - 3), 3, "mandatory", "mandated", "compulsory", "remedial", "required", "forced") >= 0;
        if (!re && !mandated) return;
        if (w.verb() && RETRAIN_VERB.matcher(w.lower()).matches()) {
            Agent o = agents.object(s.t, i);
            if (o.people() && o.kind() != Agent.Kind.AFFECTED) hits.add(new Hit(RULE, 0.85 * o.weight(), i, o.to(), o));
            return;
        }
        // whoever is made to do it: the subject of the clause, an object of "send"/"make", or "for X"
        Agent best = null;
        for (int k = 0; k < s.size(); k++) {
            Agent a = null;
            if (s.get(k).is("for", "send", "make", "require", "have", "force", "order") && k < s.size() - 1) a = agents.object(s.t, k);
            else if (k == 0) a = agents.subject(s.t, firstVerb(s));
            if (a != null && a.people() && a.kind() != Agent.Kind.AFFECTED && (best == null || a.personhood() > best.personhood())) best = a;
        }
        if (best == null && w.lower().startsWith("re") && s.get(0).is("mandatory", "mandated", "compulsory")) best = new Agent(Agent.Kind.PERSON, 0.7, 0, 1);
        if (best == null) return;
        hits.add(new Hit(RULE, 0.85 * best.weight(), Math.max(0, i - 2), i + 1, best));
    }

    private static int firstVerb(Sentence s) {
        for (int k = 0; k < s.size(); k++) if (s.get(k).verb() || s.get(k).tag().equals("AUX")) return k;
        return s.size() - 1;
    }
}
