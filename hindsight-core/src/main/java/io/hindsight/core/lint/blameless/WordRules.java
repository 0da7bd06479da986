package io.hindsight.core.lint.blameless;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Blame carried by words more than by who does what. {@code blameless.judgement}: words about character
 * ("careless", "sloppy", "dropped the ball", "asleep at the wheel"), not technical ones ("lazy loading",
 * "sloppy quorum"). {@code blameless.human-error}: "human error" and its kin ("operator mistake",
 * "personnel error", "PEBKAC", "a people problem", "a mistake by the engineer", misspelt "human eror"),
 * unless the sentence designs against it ("resilient to human error"). {@code blameless.hindsight}:
 * the outcome presented as foreseeable ("it was obvious that", "in retrospect anyone could see",
 * "predictably", "only a matter of time").
 */
final class WordRules extends RuleSet {
    static final String JUDGEMENT = "blameless.judgement";
    static final String HUMAN_ERROR = "blameless.human-error";
    static final String HINDSIGHT = "blameless.hindsight";

    private static final Set<String> MILD_JUDGEMENT = Set.of("clumsy", "clumsily", "lax", "laxity", "cowboy", "amateur", "mindless", "mindlessly");
    /** Words before "human error" that design against it or reject it. */
    private static final Set<String> EXCUSE = Set.of("not", "n't", "no", "never", "rather", "instead", "beyond", "avoid", "reduce",
            "prevent", "tolerate", "tolerant", "resilient", "guard", "protect", "catch", "forgiving", "prone", "proof", "account",
            "chance", "likelihood", "room", "risk", "design", "survive", "blame", "blaming", "label", "labelling", "labeling", "call",
            "calling", "than", "against", "eliminate", "minimise", "minimize", "mitigate", "absorb", "withstand", "handle", "expect",
            "susceptible", "vulnerable", "invite", "invites", "inviting", "allow", "allows", "possibility", "opportunity", "odds");
    private static final Set<String> OUTCOME_NOUNS = Set.of("outcome", "outage", "incident", "failure", "mistake", "error", "problem",
            "result", "accident", "crash", "loss", "issue", "bug", "disaster");
    private static final Set<String> HUMAN_CAUSED = Set.of("caused", "induced", "made", "driven", "triggered", "generated");
    private static final Set<String> BECOME = Set.of("become", "get", "grow", "turn");


    WordRules(Lexicon lex, Agents agents) {
        super(lex, agents);
    }

    @Override
    List<Hit> find(Sentence s) {
        List<Hit> hits = new ArrayList<>();
        judgement(s, hits);
        humanError(s, hits);
        hindsight(s, hits);
        return hits;
    }

    private void judgement(Sentence s, List<Hit> hits) {
        for (int i = 0; i < s.size(); i++) {
            Token w = s.get(i);
            double c = 0;
            int to = i + 1;
            if (lex.in("judgement", w.lower()) || lex.in("judgement", w.lemma())) {
                if (technical(s, i)) continue;
                c = MILD_JUDGEMENT.contains(w.lower()) ? 0.7 : 0.9;
            } else if (w.is("drop") && s.has(i + 1, "the") && s.has(i + 2, "ball")) {
                Agent a = agents.subject(s.t, i);
                if (a.kind() == Agent.Kind.SYSTEM || a.kind() == Agent.Kind.UNKNOWN && a.to() > a.from()) continue;
                c = 0.9; to = i + 3;
            } else if (w.is("asleep") && s.has(i + 1, "at") && s.has(i + 3, "wheel")) {
                c = 0.9; to = i + 4;
            } else if (w.is("attention") && i > 0 && s.get(i - 1).is("pay", "paying") && (s.negatedBefore(i, 4))) {
                hits.add(new Hit(JUDGEMENT, 0.85, Math.max(0, i - 3), i + 1, null));
                continue;
            } else if (w.is("lack") && s.has(i + 1, "of") && s.has(i + 2, "care", "diligence", "attention", "ownership", "rigor", "rigour",
                    "professionalism", "judgement", "judgment", "competence", "responsibility", "discipline", "effort", "thought")) {
                c = 0.8; to = i + 3;
            } else if (w.is("better") && i > 0 && s.get(i - 1).is("know", "known")) {
                c = 0.85; to = i + 1;
            } else if (w.is("corner", "corners") && i > 0 && s.get(i - 1).is("cut", "cutting")) {
                c = 0.8;
            } else if (w.is("mistake", "error") && i > 0 && s.get(i - 1).is("rookie", "beginner", "newbie", "schoolboy", "amateur")) {
                c = 0.85;
            } else if (w.is("care") && i > 0 && s.get(i - 1).negation() && s.has(i - 2, "do")) {
                c = 0.7;
            } else if (w.is("lapse", "failure") && s.has(i + 1, "in", "of") && s.has(i + 2, CONDUCT)) {
                c = 0.85; to = i + 3;
            } else if (w.is("seriously") && s.find(Math.max(0, i - 6), 6, "take", "took", "taken", "taking") >= 0
                    && (s.negatedBefore(i, 8) || s.find(Math.max(0, i - 8), 8, "nobody") >= 0)) {
                // "nobody took the migration seriously", "they don't take on-call seriously": a judgement of attitude
                hits.add(new Hit(JUDGEMENT, 0.8, Math.max(0, i - 4), i + 1, null));
                continue;
            } else if (w.is("bothered") && s.has(i - 1, "be") && s.negatedBefore(i, 3)) {
                hits.add(new Hit(JUDGEMENT, 0.85, Math.max(0, i - 3), i + 1, null));
                continue;
            } else if ((w.is("understand") || w.is("know") && s.has(i + 1, "how", "what", "anything")) && s.has(i - 1, "not") && s.has(i - 2, "do") && (s.get(i - 2).lower().startsWith("do")
                    || s.has(i - 3, "evidently", "clearly", "obviously", "apparently", "simply", "just"))) {
                // "someone who evidently doesn't understand how our retries work": a trait, not a missing fact
                Agent a = agents.subject(s.t, i - 2);
                if (a.people() && a.individual() || a.kind() == Agent.Kind.TEAM) hits.add(new Hit(JUDGEMENT, 0.75 * a.weight(), a.from(), i + 1, a));
                continue;
            } else if (w.is("attention", "care", "diligence", "rigor", "rigour", "professionalism", "effort", "carefulness") && conductJudged(s, i)) {
                c = 0.8;
            } else if (w.is("panicking", "panicked", "panic") && w.verb()) {
                Agent a = agents.subject(s.t, i);
                if (a.people() && a.kind() != Agent.Kind.AFFECTED) { c = 0.8; }
            }
            if (c == 0) continue;
            if (c > 0 && !w.is("attention") && s.negatedBefore(i, 8) && !w.is("better")) continue;
            hits.add(new Hit(JUDGEMENT, c, Math.min(i, to - 1), to, null));
        }
    }

    private static final String[] CONDUCT = {"professionalism", "judgement", "judgment", "diligence", "discipline", "care", "attention",
            "ownership", "rigor", "rigour", "competence", "responsibility"};
    private static final Set<String> POOR = Set.of("unacceptable", "poor", "appalling", "lacking", "subpar", "sub-par", "abysmal", "terrible",
            "nonexistent", "non-existent", "inadequate", "shocking", "dismal", "inexcusable");

    /** "the level of attention to detail shown here was unacceptable": a verdict on a person's care. */
    private static boolean conductJudged(Sentence s, int i) {
        for (int k = Math.max(0, i - 4); k < s.size() && k <= i + 10; k++) if (POOR.contains(s.get(k).lower())) return true;
        return false;
    }

    /** "lazy loading", "sloppy quorum", "dumb pipe", "lazy-loaded": the word names a technique, not a trait. */
    private boolean technical(Sentence s, int i) {
        Token w = s.get(i);
        if (w.lower().contains("-") && !lex.in("judgement", w.lower())) return true;
        // "half-assed", "half-baked": never the name of a technique
        if (w.lower().contains("-")) return false;
        if (i + 1 < s.size() && lex.in("judgement-technical", s.get(i + 1).lemma())) return true;
        return i + 1 < s.size() && s.get(i + 1).lower().startsWith("load");
    }

    private void humanError(Sentence s, List<Hit> hits) {
        for (int i = 0; i < s.size(); i++) {
            Token w = s.get(i);
            double c = 0;
            int from = i, to = i + 1;
            String[] parts = w.lower().split("-");
            if (parts.length == 2 && lex.in("human-modifier", parts[0]) && lex.in("error-noun", parts[1])) {
                c = 0.9;
            } else if (parts.length == 2 && (parts[0].equals("human") || parts[0].equals("man") || parts[0].equals("operator"))
                    && HUMAN_CAUSED.contains(parts[1])) {
                c = 0.85;
            } else if (w.is("keyboard") && s.find(i + 1, 4, "chair") > 0) {
                c = 0.85; to = s.find(i + 1, 4, "chair") + 1;
            } else if (lex.in("blame-noun", w.lemma()) && i > 0 && s.get(i - 1).is("our", "my", "their", "your")) {
                c = 0.75; from = i - 1;
            } else if (lex.in("error-noun", w.lemma()) && i > 0) {
                Token m = s.get(i - 1);
                Token m2 = i > 1 ? s.get(i - 2) : null;
                Token mod = lex.in("human-modifier", m.lemma()) || lex.in("human-modifier", m.lower()) ? m
                        : m2 != null && (m.tag().equals("ADJ") || m.is("-")) && lex.in("human-modifier", m2.lemma()) ? m2 : null;
                if (mod != null && !(w.is("oversight") && mod.is("human"))) {
                    from = mod == m ? i - 1 : i - 2;
                    c = mod.is("human", "personnel", "staff", "manual", "people", "employee") ? 0.9 : 0.8;
                    boolean plural = w.lower().endsWith("s");
                    if (mod.is("user", "operator", "driver", "pilot") && (plural || from > 0 && technicalBefore(s, from))) {
                        if (!causal(s)) continue;
                        c = 0.6;
                    }
                    if (mod.is("user") && !causal(s)) c = 0.55;
                    if (s.has(i + 1, "response", "responses", "rate", "rates", "code", "codes", "message", "messages", "page", "pages",
                            "handling", "handler", "budget", "count", "counts", "metric", "metrics", "log", "logs", "status", "class")) continue;
                    if (w.is("failure") && !mod.is("human", "personnel", "staff", "people", "operator")) continue;
                } else if (w.is("mistake", "error", "lapse", "slip", "blunder", "misstep") && s.has(i + 1, "by", "from") || w.is("mistake", "error", "lapse", "slip")
                        && s.has(i + 1, "on") && s.has(i + 3, "part") || w.is("mistake", "error", "slip") && s.has(i + 1, "make") && s.has(i + 2, "by")) {
                    int by = s.find(i + 1, 4, "by", "of", "from");
                    if (by < 0) continue;
                    Agent a = agents.object(s.t, by);
                    if (!a.people() || a.kind() == Agent.Kind.AFFECTED) continue;
                    c = 0.85 * a.weight();
                    to = a.to();
                }
            } else if ((lex.in("blame-noun", w.lemma()) || w.is("keystroke", "keypress", "click", "command", "entry") && s.has(i - 1, "wrong", "bad", "stray", "errant", "mistaken"))
                    && (i == 0 || !lex.in("error-noun", w.lemma()) || !lex.in("human-modifier", s.get(i - 1).lemma())) && s.has(i + 1, "by", "from")) {
                // "Mistake by the engineer:", "a typo from the engineer on call", "one wrong keystroke by the operator"
                Agent a = agents.object(s.t, i + 1);
                if (!a.people() || a.kind() == Agent.Kind.AFFECTED || a.kind() == Agent.Kind.WE) continue;
                c = 0.85 * a.weight();
                from = s.has(i - 1, "wrong", "bad", "stray", "errant", "mistaken") ? i - 1 : i;
                to = a.to();
            } else if (w.is("pebkac", "id10t", "id-10-t") || w.text().equals("PICNIC")) {
                c = 0.9;
            } else if (w.is("layer") && s.has(i + 1, "8", "eight") || w.is("people", "personnel", "staffing") && s.has(i + 1, "problem", "issue")
                    && !s.has(i - 1, "no")) {
                c = 0.8;
                to = i + 2;
            } else if (w.lower().startsWith("fat-finger") || w.is("fat") && s.has(i + 1, "-") && s.has(i + 2, "finger", "fingered")) {
                if (s.find(i + 1, 3, "error", "mistake", "slip", "issue", "problem", "incident") >= 0) c = 0.85;
            } else if (w.is("fat") && s.has(i + 1, "finger", "fingers", "fingered", "fingering")) {
                // "It was a fat finger in the DNS console": the idiom for a slip of the hand
                c = 0.85; to = i + 2;
            }
            if (c == 0) continue;
            if (excused(s, from) || rejectedAfter(s, to)) continue;
            // "we stopped using the term PEBKAC": the word is mentioned, not used
            if (s.has(from - 1, "term", "word", "label", "phrase", "expression", "acronym")) continue;
            hits.add(new Hit(HUMAN_ERROR, c, from, to, null));
        }
    }

    /** A technical word before "operator"/"user": "the Kubernetes operator errors". */
    private boolean technicalBefore(Sentence s, int i) {
        Token p = s.get(i - 1);
        return lex.in("tech-name", p.lower()) || lex.in("system", p.lemma()) || Agents.looksTechnical(p.text());
    }

    private static boolean causal(Sentence s) {
        for (int i = 0; i < s.size(); i++) {
            if (s.get(i).is("cause", "due", "because", "blame", "fault", "root", "trigger", "result", "responsible")) return true;
        }
        return s.kind == io.hindsight.core.model.SectionKind.ROOT_CAUSE || s.kind == io.hindsight.core.model.SectionKind.TRIGGER;
    }

    private static boolean excused(Sentence s, int from) {
        int start = Math.max(s.clauseStart(from), from - 6);
        for (int k = start; k < from; k++) if (EXCUSE.contains(s.get(k).lower()) || EXCUSE.contains(s.get(k).lemma())) return true;
        return false;
    }

    /** "human error is never a root cause", "human error, as a label, ...". */
    private static boolean rejectedAfter(Sentence s, int to) {
        if (to >= s.size()) return false;
        if (s.has(to, "be") && s.has(to + 1, "never", "not", "rarely", "seldom", "only", "where", "a", "inevitable", "normal", "expected", "human")) {
            return !s.has(to + 1, "a") || s.has(to + 2, "symptom", "starting", "label", "myth", "sign");
        }
        return false;
    }

    private void hindsight(Sentence s, List<Hit> hits) {
        for (int i = 0; i < s.size(); i++) {
            Token w = s.get(i);
            double c = 0;
            int to = i + 1;
            if (lex.in("hindsight-adverb", w.lower())) {
                c = adverb(s, i);
            } else if (lex.in("hindsight-adjective", w.lower())) {
                c = adjective(s, i);
            } else if (w.is("of") && s.has(i + 1, "course") && i == s.clauseStart(i)) {
                c = 0.75; to = i + 2;
            } else if (w.is("needless") && s.has(i + 1, "to") && s.has(i + 2, "say") || w.is("go", "goes") && s.has(i + 1, "without") && s.has(i + 2, "saying")) {
                c = 0.85; to = i + 3;
            } else if (w.is("anyone", "everyone", "anybody", "everybody") || w.is("any") && (s.has(i + 1, "engineer", "developer", "person", "operator", "sre", "reviewer", "admin") || s.has(i + 2, "engineer", "developer", "person", "operator", "sre", "one", "reviewer", "admin"))) {
                c = knowledge(s, i);
            } else if (w.is("coming") && i > 1 && s.get(i - 2).is("see", "saw", "seen", "seeing")) {
                c = 0.85; to = i + 1;
            } else if (w.is("writing") && s.has(i + 1, "be") && s.has(i + 2, "on") && s.find(i + 3, 2, "wall") >= 0) {
                c = 0.85; to = i + 5;
            } else if (w.is("flag", "flags", "sign", "signs") && s.find(i + 1, 5, "there", "obvious", "clear", "everywhere", "ignore") >= 0
                    && (s.has(i - 1, "red", "warning", "the", "all") || w.is("flags"))) {
                c = 0.75; to = s.find(i + 1, 5, "there", "obvious", "clear", "everywhere", "ignore") + 1;
            } else if (w.is("staring", "stare", "stared") && s.find(i + 1, 6, "face") > 0 && s.has(s.find(i + 1, 6, "face") - 2, "in")) {
                c = 0.85; to = s.find(i + 1, 6, "face") + 1;
            } else if (w.is("mile") && s.has(i - 1, "a") && s.has(i + 1, "away", "off")) {
                c = 0.8; to = i + 2;
            } else if ((w.is("only", "simply", "just") && s.has(i + 1, "had", "needed") || w.is("had", "needed") && s.has(i - 1, "only", "simply", "just"))
                    && s.has(i + (w.is("had", "needed") ? 1 : 2), "to") && s.has(i + (w.is("had", "needed") ? 2 : 3), "look", "read", "check", "glance", "open", "see", "ask", "scroll", "run", "search", "grep", "compare")) {
                // "the reviewers only had to look at line 42", "the engineer simply needed to read the error"
                int v = w.is("had", "needed") ? i : i + 1;
                Agent a = agents.subject(s.t, v - (w.is("had", "needed") ? 1 : 0));
                if (!a.people() || a.kind() == Agent.Kind.AFFECTED) continue;
                c = 0.8; to = v + 3;
            } else if (w.is("going") && s.has(i - 1, "be") && s.has(i + 1, "to") && s.find(Math.max(0, i - 8), 7, "can", "could", "obvious", "clear", "anyone", "everyone") >= 0
                    && s.has(i + 2, "break", "fail", "crash", "cause", "happen", "blow", "take", "go", "explode", "overflow", "bite", "fall", "die", "melt", "run", "hit", "corrupt", "lose")) {
                // "you can see it was going to break the auth flow"
                c = 0.8; to = i + 3;
            } else if (w.is("matter") && s.has(i - 1, "a") && s.has(i + 1, "of") && s.has(i + 2, "time")) {
                c = 0.8; to = i + 3;
            } else if (w.is("bound") && s.has(i + 1, "to") && s.has(i + 2, "happen", "fail", "break", "go", "occur", "bite")) {
                c = 0.8; to = i + 3;
            } else if (w.is("going") && s.has(i - 1, "never", "always") && s.has(i + 1, "to") && s.has(i + 2, "work", "scale", "hold", "last", "succeed",
                    "fail", "break", "happen", "crash", "overflow", "fill", "bite")) {
                c = 0.75; to = i + 3;
            } else if (w.is("question") && s.has(i - 1, "a") && s.has(i + 1, "of") && s.has(i + 2, "time", "when")) {
                c = 0.8; to = i + 3;
            } else if (w.is("surprise") && s.has(i - 1, "no", "little") || w.is("surprising") && s.has(i - 1, "not", "hardly", "scarcely", "unsurprising")
                    || w.is("unsurprising")) {
                hits.add(new Hit(HINDSIGHT, 0.8, Math.max(0, i - 1), i + 1, null));
                continue;
            } else if (w.is("no-brainer") || w.is("know", "knows") && s.has(i - 1, "everyone", "everybody") || w.is("common") && s.has(i + 1, "sense")) {
                c = 0.7;
            } else if (w.is("mistake", "error", "oversight", "slip", "blunder") && s.has(i - 1, "simple", "trivial", "basic", "silly", "textbook", "elementary", "obvious", "avoidable", "elementary")) {
                c = 0.8;
            }
            if (c == 0) continue;
            if (s.negatedBefore(i, 3) || s.has(i - 1, "non", "far", "less") || s.has(i - 2, "far", "non") || s.has(i - 1, "-") && s.has(i - 2, "non")) continue;
            hits.add(new Hit(HINDSIGHT, c, Math.max(0, Math.min(i, to - 1)), to, null));
        }
    }

    private double adverb(Sentence s, int i) {
        Token w = s.get(i);
        Token next = i + 1 < s.size() ? s.get(i + 1) : null;
        // "Clearly label production consoles": an action item's manner adverb, not a claim
        boolean imperative = next != null && next.verb() && next.lower().equals(next.lemma()) && i == s.clauseStart(i);
        boolean clauseStart = i == s.clauseStart(i) || i > 0 && s.get(i - 1).text().equals(",");
        if (w.is("obviously")) {
            if (next != null && next.is("wrong", "invalid", "bad", "broken", "malformed", "bogus", "incorrect", "corrupt", "fake", "spurious")) return 0;
            return imperative ? 0 : 0.85;
        }
        if (w.is("clearly", "evidently")) {
            if (imperative) return 0;
            if (clauseStart && next != null && !next.text().equals(",") && !next.verb()) return 0.8;
            if (clauseStart && next != null && next.text().equals(",")) return 0.8;
            // "the spike is clearly visible in Grafana from 13:58": where the evidence is, not a verdict
            if (next != null && next.is("visible") && s.has(i + 2, "in", "on", "from", "at", "since")) return 0;
            if (next != null && (next.is("should", "wrong", "a", "careless", "negligent", "avoidable", "preventable", "foreseeable", "visible", "obvious", "not")
                    || lex.in("judgement", next.lower()))) return next.is("not") ? 0 : 0.7;
            return 0;
        }
        if (w.is("naturally")) return clauseStart && !imperative ? 0.7 : 0;
        if (w.is("predictably", "unsurprisingly", "inevitably", "foreseeably")) return imperative ? 0 : 0.8;
        return 0;
    }

    private double adjective(Sentence s, int i) {
        Token w = s.get(i);
        Token prev = i > 0 ? s.get(i - 1) : null;
        Token next = i + 1 < s.size() ? s.get(i + 1) : null;
        boolean predicative = prev != null && (prev.is("be", "seem", "seemed", "looked", "appear", "been", "'s") || prev.tag().equals("ADV") && i > 1 && s.get(i - 2).is("be", "been", "seem"));
        boolean became = false;
        for (int k = Math.max(0, i - 3); k < i; k++) if (BECOME.contains(s.get(k).lemma())) became = true;
        if (became) return 0;
        boolean inHindsight = hindsightFrame(s);
        switch (w.lower()) {
            case "obvious", "self-evident" -> {
                if (predicative || next != null && OUTCOME_NOUNS.contains(next.lemma()) || next != null && next.is("that", "to", "from", "in")) return 0.85;
                if (prev != null && prev.is("glaringly", "painfully", "blindingly", "blatantly", "so", "very", "pretty", "rather")) return 0.85;
                return inHindsight ? 0.8 : 0.6;
            }
            case "foreseeable", "predictable", "avoidable", "preventable", "inevitable" -> {
                if (predicative || prev != null && prev.is("easily", "entirely", "completely", "totally", "wholly", "eminently", "perfectly", "highly", "fully")) return 0.85;
                if (next != null && OUTCOME_NOUNS.contains(next.lemma())) return 0.8;
                return 0;
            }
            case "clear", "plain", "apparent", "evident" -> {
                if (next != null && next.is("as") && s.has(i + 2, "day", "daylight")) return 0.85;
                if (w.is("plain") && next != null && next.is("to") && s.has(i + 2, "see")) return 0.85;
                if (!predicative) return 0;
                boolean subjectIt = false;
                for (int k = Math.max(0, i - 4); k < i; k++) if (s.get(k).is("it", "this", "that")) subjectIt = true;
                boolean foreseen = s.find(i + 1, 12, "would", "will", "going", "should", "bound", "anyone", "everyone", "from") >= 0;
                if (inHindsight) return 0.8;
                if (subjectIt && foreseen) return 0.85;
                if (subjectIt && next != null && next.is("that")) return 0.6;
                if (prev != null && prev.is("been") && i > 2 && s.get(i - 3).is("should")) return 0.85;
                return 0;
            }
            case "glaring" -> {
                return next != null && OUTCOME_NOUNS.contains(next.lemma()) ? 0.75 : 0;
            }
            default -> {
                return 0;
            }
        }
    }

    /** "in hindsight", "in retrospect", "looking back", "with hindsight". */
    private static boolean hindsightFrame(Sentence s) {
        for (int i = 0; i + 1 < s.size(); i++) {
            if (s.get(i).is("in", "with") && s.get(i + 1).is("hindsight", "retrospect")) return true;
            if (s.get(i).is("looking", "look") && s.get(i + 1).is("back")) return true;
        }
        return false;
    }

    /** "anyone could see", "any competent engineer would have spotted", "for anyone to see", "everyone knows". */
    private double knowledge(Sentence s, int i) {
        boolean modal = false;
        // "as anyone looking at the graphs knew": a shared knowledge claim in any tense
        boolean as = s.has(i - 1, "as");
        for (int k = i + 1; k < s.size() && k <= i + 8; k++) {
            Token w = s.get(k);
            if (w.is("could", "would", "should", "can", "will", "must", "might")) modal = true;
            if (as && lex.in("hindsight-know", w.lemma()) && !s.negatedBefore(k, 4)) return 0.8;
            // "reverting the flag is what anybody would do first"
            if (modal && (w.verb() || w.is("do")) && s.has(i - 1, "what") && s.get(k - 1).is("would", "should")) return 0.8;
            // "anyone could see", not "before anyone saw it"
            if (lex.in("hindsight-know", w.lemma()) && (modal || w.lower().endsWith("s") && !w.lower().endsWith("ss")) && !s.negatedBefore(k, 4)) {
                return hindsightFrame(s) ? 0.9 : 0.85;
            }
        }
        if (s.has(i - 1, "for") && s.has(i + 1, "to") && s.has(i + 2, "see")) return 0.85;
        return 0;
    }
}
