package io.hindsight.core.lint.blameless;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The cheap first pass: does a sentence hold what a rule starts from? Most sentences of a post-mortem
 * do not ("14:05 replica set 3 re-synced, error rate 2%"), and they skip the tagger. Words that are
 * everywhere in post-mortems ("error", "failed", "fired", "because", "set") count only with the company
 * a rule needs ("human error", "failed to", "fire him", "because of", "set ... by mistake").
 * It errs on the side of looking: a sentence it lets through costs a tagging, one it drops is a miss
 * ({@code BlamelessCheckerTest} checks it drops no finding on the corpora).
 * <p>What each word can do is worked out once per word and kept, so a sentence costs a few map look-ups.
 */
final class Screen {
    private static final long ALONE = 1L, FAIL = 1L << 1, TO = 1L << 2, BECAUSE = 1L << 3, OF = 1L << 4, DUE = 1L << 5,
            POSSESSIVE = 1L << 6, BLAME_NOUN = 1L << 7, APOSTROPHE_S = 1L << 8, OWNED_BAD = 1L << 9, LEAVE = 1L << 10, LEAVE_KIND = 1L << 11,
            QUESTION = 1L << 12, WRITE = 1L << 13, WARNING_UP = 1L << 14, LOSE = 1L << 15, HIS_HER = 1L << 16, ISSUE = 1L << 17,
            PEOPLE_WORD = 1L << 18, SANCTION = 1L << 19, WHOM = 1L << 20, BE_GET = 1L << 21, PEOPLE = 1L << 22, CAUSE_NOUN = 1L << 23,
            BE_OF = 1L << 24, CLEAR = 1L << 25, CLEAR_NEXT = 1L << 26, GOING = 1L << 27, ALWAYS = 1L << 28, SIMPLE = 1L << 29,
            ERROR_NOUN = 1L << 30, PARTICLE = 1L << 31, ON = 1L << 32, ON_BEFORE = 1L << 33, DILIGENCE = 1L << 34, NEGATION = 1L << 35,
            IF = 1L << 36, ONLY = 1L << 37, HAD = 1L << 38, COMMA = 1L << 39, BY_PERSON = 1L << 40, MODAL = 1L << 41, HAVE = 1L << 42,
            QUALIFIER = 1L << 43, BY = 1L << 44, MISHAP = 1L << 45, DESTRUCTIVE_MOD = 1L << 46, DESTRUCTIVE_OBJ = 1L << 47,
            NEUTRAL = 1L << 48, INTRODUCE = 1L << 49, FAULT = 1L << 50, CAUSE = 1L << 51, REMOVAL = 1L << 52, THING = 1L << 53,
            THE = 1L << 54, BACK = 1L << 55, LONGER = 1L << 56, STEP = 1L << 57, STEP_DOWN = 1L << 58;
    private static final int CACHE_LIMIT = 200_000;
    private static volatile Screen shared;

    /** Words that are enough on their own. */
    private final Set<String> alone = new HashSet<>();
    private final Lexicon lex;
    private final Map<String, Long> bits = new ConcurrentHashMap<>();

    /** The screen, built once per process: it only reads the lexicon. */
    static Screen get(Lexicon lex) {
        Screen s = shared;
        if (s == null) shared = s = new Screen(lex);
        return s;
    }

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
                "sign-off", "signoff", "supervision", "conduct", "behaviour", "behavior", "resign", "resignation", "dock", "staring"));
        // everywhere in post-mortems; they need company (see worthALook)
        for (String w : List.of("fail", "take", "drop", "move", "cause", "trigger", "set", "run", "go", "clear", "plain", "apparent")) alone.remove(w);
    }

    boolean worthALook(List<Token> tokens) {
        int n = tokens.size();
        long seen = 0;
        long prev = 0, prev2 = 0;
        long cur = n > 0 ? of(tokens.get(0)) : 0;
        for (int i = 0; i < n; i++) {
            long next = i + 1 < n ? of(tokens.get(i + 1)) : 0;
            long next2 = i + 2 < n ? of(tokens.get(i + 2)) : 0;
            long next3 = i + 3 < n ? of(tokens.get(i + 3)) : 0;
            if ((cur & ALONE) != 0) return true;
            if (has(cur, FAIL) && has(next, TO) || has(cur, BECAUSE) && has(next, OF) || has(cur, DUE) && has(next, TO)) return true;
            if (has(cur, POSSESSIVE) && has(next, BLAME_NOUN) || has(cur, APOSTROPHE_S) && has(next, OWNED_BAD)) return true;
            if (has(cur, LEAVE_KIND) && has(next, LEAVE) || has(cur, QUESTION) && has(next, OF) || has(cur, WRITE) && has(next, WARNING_UP)) return true;
            if (has(cur, LOSE) && has(next, HIS_HER) || has(cur, ISSUE) && has(prev, PEOPLE_WORD)) return true;
            if (has(cur, SANCTION) && (has(next, WHOM) || has(prev, BE_GET) || has(next, PEOPLE) || has(next, THE) && (has(next2, PEOPLE) || has(next3, PEOPLE)))) return true;
            if (has(cur, CAUSE_NOUN) && has(next, BE_OF) || has(cur, CLEAR) && has(next, CLEAR_NEXT) || has(cur, GOING) && has(prev, ALWAYS)) return true;
            if (has(cur, ERROR_NOUN) && has(prev, SIMPLE)) return true;
            if (has(cur, LONGER) && has(prev, NEGATION)) return true;
            if (has(cur, STEP) && (has(next, STEP_DOWN) || has(next2, STEP_DOWN))) return true;
            if (has(cur, CAUSE_NOUN) && has(prev, THE) || has(cur, TO) && has(prev, BACK)) return true;
            if (has(cur, PARTICLE) && phrasalBefore(tokens, i)) return true;
            if (has(cur, ON) && has(prev, ON_BEFORE)) return true;
            if (has(cur, DILIGENCE) && (has(prev, NEGATION) || has(prev2, NEGATION) || i > 2 && has(of(tokens.get(i - 3)), NEGATION))) return true;
            if (has(cur, IF) && has(next, ONLY) || has(cur, HAD) && (i == 0 || has(prev, IF | COMMA))) return true;
            if (has(cur, DESTRUCTIVE_MOD) && (has(next, DESTRUCTIVE_OBJ) || has(next2, DESTRUCTIVE_OBJ))) seen |= QUALIFIER;
            if (has(cur, MISHAP) && has(prev, BY)) seen |= QUALIFIER;
            seen |= cur;
            prev2 = prev;
            prev = cur;
            cur = next;
        }
        if (rarePhrase(tokens)) return true;
        return all(seen, ERROR_NOUN | BY_PERSON) || all(seen, MODAL | HAVE) || all(seen, QUALIFIER | NEUTRAL) || all(seen, INTRODUCE | FAULT)
                || all(seen, REMOVAL | THING) || all(seen, CAUSE | BY_PERSON);
    }

    private static boolean has(long bits, long flag) {
        return (bits & flag) != 0;
    }

    private static boolean all(long bits, long flags) {
        return (bits & flags) == flags;
    }

    private long of(Token t) {
        long b = word(t.lower(), t.lemma());
        if (t.capitalised()) b |= PEOPLE;
        return b;
    }

    /** What a word can do, worked out once. */
    private long word(String w, String l) {
        Long cached = bits.get(w);
        if (cached != null) return cached;
        long b = 0;
        if (alone.contains(l) || alone.contains(w)) b |= ALONE;
        for (String c : Lexicon.candidates(w)) if (alone.contains(c)) b |= ALONE;
        if (w.startsWith("fat-finger") || w.endsWith("-error") || w.endsWith("-mistake") || w.startsWith("human-") || w.startsWith("man-made")) b |= ALONE;
        if (l.equals("fail")) b |= FAIL;
        if (w.equals("to")) b |= TO;
        if (w.equals("because")) b |= BECAUSE;
        if (w.equals("of")) b |= OF | BE_OF;
        if (w.equals("due") || w.equals("thanks")) b |= DUE;
        if (Set.of("our", "his", "her", "my", "their", "your").contains(w)) b |= POSSESSIVE;
        if (lex.in("blame-noun", l) || w.equals("fault")) b |= BLAME_NOUN | OWNED_BAD;
        if (w.equals("'s")) b |= APOSTROPHE_S;
        if (Set.of("job", "responsibility", "task", "duty").contains(l) || lex.in("harm-qualifier", w) || lex.in("judgement", w) || lex.in("sanction-thing", l)) b |= OWNED_BAD;
        if (l.equals("leave")) b |= LEAVE;
        if (Set.of("administrative", "unpaid", "garden", "forced").contains(w)) b |= LEAVE_KIND;
        if (w.equals("question")) b |= QUESTION;
        if (w.equals("written") || w.equals("write")) b |= WRITE;
        if (w.equals("warning") || w.equals("up")) b |= WARNING_UP;
        if (l.equals("lose")) b |= LOSE;
        if (w.equals("his") || w.equals("her") || w.equals("their")) b |= HIS_HER;
        if (Set.of("issue", "issues", "problem", "problems").contains(w)) b |= ISSUE;
        if (Set.of("people", "personnel", "staffing", "8", "eight").contains(w)) b |= PEOPLE_WORD;
        if (lex.in("sanction", l)) b |= SANCTION | REMOVAL;
        if (Set.of("him", "her", "them", "whoever", "anyone", "everyone").contains(w)) b |= WHOM;
        if (Set.of("be", "been", "get", "got").contains(l)) b |= BE_GET;
        if (Set.of("be", "was", "is").contains(w) || l.equals("be")) b |= BE_OF;
        if (lex.in("role", l) || lex.in("team", l) || lex.in("department", w) || lex.in("ambiguous-role", l)) b |= PEOPLE;
        if (Set.of("the", "our", "a", "an", "root", "main", "primary", "real").contains(w)) b |= THE;
        if (Set.of("cause", "culprit", "reason", "trigger").contains(l)) b |= CAUSE_NOUN;
        if (Set.of("clear", "plain", "apparent", "evident").contains(w)) b |= CLEAR;
        if (Set.of("that", "as", "to", "from", "in").contains(w)) b |= CLEAR_NEXT;
        if (w.equals("going")) b |= GOING;
        if (w.equals("longer")) b |= LONGER;
        if (l.equals("step") || l.equals("stand") || w.equals("stepped") || w.equals("stood")) b |= STEP;
        if (w.equals("down") || w.equals("aside")) b |= STEP_DOWN;
        if (Set.of("back", "down", "attributable", "attributed").contains(w)) b |= BACK;
        if (w.equals("always") || w.equals("never")) b |= ALWAYS;
        if (Set.of("simple", "trivial", "basic", "silly", "textbook", "elementary", "rookie").contains(w)) b |= SIMPLE;
        if (lex.in("error-noun", l) || lex.in("blame-noun", l) || w.startsWith("keystroke") || w.startsWith("keypress")) b |= ERROR_NOUN;
        if (Set.of("down", "out", "over", "away", "up").contains(w)) b |= PARTICLE;
        if (w.equals("on")) b |= ON;
        if (Set.of("be", "entirely", "squarely", "solely", "all", "totally").contains(l)) b |= ON_BEFORE;
        if (lex.in("diligence", l)) b |= DILIGENCE;
        if (Set.of("not", "n't", "never", "no", "nobody").contains(w)) b |= NEGATION;
        if (w.equals("if")) b |= IF;
        if (w.equals("only")) b |= ONLY;
        if (w.equals("had")) b |= HAD;
        if (w.equals(",")) b |= COMMA;
        if (lex.in("human-modifier", l) || lex.in("human-modifier", w) || w.equals("by") || w.equals("part")) b |= BY_PERSON;
        if (w.equals("by")) b |= BY;
        if (lex.in("modal", w)) b |= MODAL;
        if (w.equals("have") || w.equals("of") || w.equals("'ve") || w.endsWith("ve") && lex.in("modal", w) || w.equals("shoulda") || w.equals("coulda")) b |= HAVE;
        if (lex.in("harm-qualifier", w) || w.equals("without")) b |= QUALIFIER;
        if (w.equals("mistake") || w.equals("accident")) b |= MISHAP;
        if (lex.in("destructive-modifier", w)) b |= DESTRUCTIVE_MOD;
        if (lex.in("destructive-object", l)) b |= DESTRUCTIVE_OBJ;
        if (lex.in("neutral-action", l)) b |= NEUTRAL;
        if (lex.in("harm-introduce", l)) b |= INTRODUCE;
        if (lex.in("harm-introduce-object", l)) b |= FAULT;
        if (l.equals("cause") || l.equals("trigger")) b |= CAUSE;
        if (lex.in("sanction-remove", l) || l.equals("take") || l.equals("move")) b |= REMOVAL;
        if (lex.in("sanction-thing", l) || lex.in("sanction-place", l)) b |= THING;
        if (bits.size() < CACHE_LIMIT) bits.put(w, b);
        return b;
    }

    /** Words that open one of the rarer phrases {@link #rarePhrase} looks for; a sentence with none skips it. */
    private static final Set<String> RARE = Set.of("why", "what", "wrong", "bad", "poor", "sat", "sit", "sitting", "need", "needed", "own",
            "himself", "herself", "themselves", "from", "fat", "lapse", "seriously", "bothered", "understand", "know", "attention",
            "professionalism", "diligence", "rigor", "rigour", "panicking", "panicked", "mile", "had", "going", "review", "record", "appraisal",
            "never", "hr", "resources", "belong", "belongs", "performance");

    /**
     * The phrases added after the blind measurement, each with the company it needs: "that is why", "made the wrong call",
     * "sat on the alert", "needed to ... and he didn't", "on his own", "a typo from", "fat finger", "a lapse in", "take ...
     * seriously", "couldn't be bothered", "doesn't understand", "attention to detail ... unacceptable", "panicking", "a mile
     * away", "only had to", "was going to", "X's performance review", "never ... again", "inform HR", "whether they belong".
     */
    private boolean rarePhrase(List<Token> tokens) {
        int n = tokens.size();
        boolean any = false;
        for (Token t : tokens) if (RARE.contains(t.lower())) { any = true; break; }
        if (!any) return false;
        boolean poor = false, conduct = false, need = false, never = false, see = false;
        for (int i = 0; i < n; i++) {
            String w = tokens.get(i).lower();
            String p = i > 0 ? tokens.get(i - 1).lower() : "", p2 = i > 1 ? tokens.get(i - 2).lower() : "";
            String nx = i + 1 < n ? tokens.get(i + 1).lower() : "", nx2 = i + 2 < n ? tokens.get(i + 2).lower() : "";
            switch (w) {
                case "why", "what" -> { if (Set.of("is", "was", "'s").contains(p) && Set.of("that", "which", "this").contains(p2)) return true; }
                case "wrong", "bad", "poor" -> { if (Set.of("call", "decision", "choice").contains(nx) || Set.of("call", "decision", "choice").contains(nx2)) return true; }
                case "sat", "sit", "sitting" -> { if (nx.equals("on")) return true; }
                case "own" -> { if (Set.of("his", "her", "their").contains(p) && p2.equals("on")) return true; }
                case "himself", "herself", "themselves" -> { if (p.equals("by")) return true; }
                case "from" -> { if (lex.in("blame-noun", p) || lex.in("error-noun", p)) return true; }
                case "fat" -> { if (nx.startsWith("finger")) return true; }
                case "lapse" -> { if (nx.equals("in") || nx.equals("of")) return true; }
                case "seriously", "bothered" -> { return true; }
                case "understand", "know" -> { see = true; if ((p.equals("n't") || p.equals("not")) && p2.startsWith("do")) return true; }
                case "panicking", "panicked", "mile", "belong", "belongs" -> { return true; }
                case "had" -> { if (Set.of("only", "simply", "just").contains(p) && nx.equals("to")) return true; }
                case "need", "needed" -> { if (Set.of("only", "simply", "just").contains(p) && nx.equals("to")) return true; need = true; }
                case "going" -> { if (nx.equals("to") && (p.equals("was") || p.equals("were")) && see) return true; }
                case "review", "appraisal", "record" -> { if (p.equals("performance") || p.equals("'s") || p.equals("her") || p.equals("his") || p.equals("their")) return true; }
                case "performance" -> { if (Set.of("'s", "his", "her", "their").contains(p)) return true; }
                case "never" -> never = true;
                case "again" -> { if (never) return true; }
                case "hr" -> { return true; }
                case "resources" -> { if (p.equals("human")) return true; }
                case "attention", "professionalism", "diligence", "rigor", "rigour" -> conduct = true;
                case "unacceptable", "appalling", "abysmal", "inadequate", "lacking", "subpar", "sub-par", "nonexistent" -> poor = true;
                case "see", "saw", "seen", "knew", "tell", "could" -> see = true;
                default -> { }
            }
        }
        if (conduct && poor) return true;
        if (need && n > 2) {
            int last = n - 1;
            while (last > 0 && !tokens.get(last).word()) last--;
            return tokens.get(last).negation() && tokens.get(last - 1).is("do", "did");
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
