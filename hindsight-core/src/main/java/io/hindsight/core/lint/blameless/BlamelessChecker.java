package io.hindsight.core.lint.blameless;

import io.hindsight.core.model.ActionItem;
import io.hindsight.core.model.PostMortem;
import io.hindsight.core.model.SectionKind;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The blameless-language checker. For each sentence: a cheap screen for words a rule starts from; for
 * the few that pass, quoted and rejected words are set aside, the rest is tagged with parts of speech
 * (OpenNLP) and lemmatised, and the rules look for blaming predicates whose agent is a person, role or
 * team. Each finding carries a confidence; only findings at or above the policy's blocking confidence
 * are errors, the rest are warnings. Two problems in one sentence give two findings. Last, the blame classifier
 * reads the whole sentence: when it is sure the sentence blames no one, the rules' warnings are dropped (their
 * words were used innocently; an error stays); when no rule fired and it is fairly sure the sentence blames, it warns.
 */
public final class BlamelessChecker {
    /** Below this a hit is too unsure to show at all. */
    static final double REPORT_FLOOR = 0.5;
    /** The blocking confidence when the policy names none. */
    public static final double DEFAULT_BLOCKING_CONFIDENCE = io.hindsight.core.plan.SloPolicy.DEFAULT_BLOCKING_CONFIDENCE;

    private static final Set<SectionKind> CAUSE_SECTIONS = Set.of(SectionKind.ROOT_CAUSE, SectionKind.TRIGGER,
            SectionKind.FIVE_WHYS, SectionKind.CONTRIBUTING_FACTORS);
    private static final List<String> ORDER = List.of(SanctionRules.RULE, CauseRules.RULE, WordRules.HUMAN_ERROR,
            OmissionRules.FAILED_TO, WordRules.JUDGEMENT, OmissionRules.COUNTERFACTUAL, WordRules.HINDSIGHT);

    private final double blockingConfidence;
    private final Words words;
    private final Screen screen;
    private final List<RuleSet> rules;
    private final Lexicon lex;
    private final Set<String> names;
    /** The statistical second opinion on every sentence: it vetoes rule findings and warns where no rule fired; null to use the rules alone. */
    private final java.util.function.Supplier<BlameClassifier> classifier;

    /** The blame classifier's verdict on a sentence no rule flags becomes a warning from this probability up (chosen by cross-validation). */
    static final double STATISTICAL_THRESHOLD = 0.75;
    /**
     * A rule's warnings on a sentence are dropped when the classifier gives the sentence a probability of blame below this
     * (chosen by cross-validation with the threshold): on text the rules were never tuned on, most of their false alarms
     * are trigger words in a sentence whose whole reads clean to the model ("obviously" about data, a quoted verdict).
     * A finding that would be an error stays: a statistical judgement decides neither way whether a post-mortem may be
     * published (sparing errors cost 0.2 points of false alarms in the cross-validation).
     */
    static final double STATISTICAL_VETO = 0.3;
    /** The rule id of a finding the classifier makes alone. */
    public static final String STATISTICAL = "blameless.statistical";

    /**
     * @param knownNames         people the post-mortem names (authors, approvers, owners), any case
     * @param blockingConfidence findings at least this sure are errors (0..1)
     */
    public BlamelessChecker(Set<String> knownNames, double blockingConfidence) {
        this(knownNames, blockingConfidence, BlameClassifier::shipped);
    }

    /** @param classifier the second opinion on every sentence (a veto on the rules' findings, a warning where they are silent), or null for the rules alone */
    BlamelessChecker(Set<String> knownNames, double blockingConfidence, java.util.function.Supplier<BlameClassifier> classifier) {
        if (!(blockingConfidence >= 0 && blockingConfidence <= 1)) {
            throw new IllegalArgumentException("the blocking confidence must be within 0..1, not " + blockingConfidence);
        }
        Lexicon lex = Lexicon.get();
        warmUpOnce();
        Set<String> names = new HashSet<>();
        for (String n : knownNames) {
            if (n == null) continue;
            String k = n.replaceAll("^@", "").strip().toLowerCase(Locale.ROOT);
            if (k.length() > 1 && !lex.listed(k)) names.add(k);
        }
        Agents agents = new Agents(lex, names);
        this.lex = lex;
        this.names = Set.copyOf(names);
        this.classifier = classifier;
        this.blockingConfidence = blockingConfidence;
        this.words = new Words(lex, Typos.targets(lex));
        this.screen = Screen.get(lex);
        this.rules = List.of(new SanctionRules(lex, agents), new CauseRules(lex, agents), new WordRules(lex, agents), new OmissionRules(lex, agents));
    }

    private static final java.util.concurrent.atomic.AtomicBoolean WARMING = new java.util.concurrent.atomic.AtomicBoolean();

    /**
     * Starts reading the vocabulary and the part-of-speech model in a background thread, once per process,
     * so the first sentence worth a closer look does not wait for them. Safe to call any number of times.
     */
    public static void warmUp() {
        warmUpOnce();
    }

    private static void warmUpOnce() {
        if (WARMING.compareAndSet(false, true)) Lexicon.warmUp(BlameClassifier::loadMillis);
    }

    /** A checker that knows the people a post-mortem lists (authors, approvers, action owners). */
    public static BlamelessChecker forPostMortem(PostMortem pm, double blockingConfidence) {
        Set<String> known = new HashSet<>();
        if (pm.authors() != null) known.addAll(pm.authors());
        if (pm.approvers() != null) known.addAll(pm.approvers());
        if (pm.actionItems() != null) for (ActionItem a : pm.actionItems()) if (a.owner() != null) known.add(a.owner());
        return new BlamelessChecker(known, blockingConfidence);
    }

    /** How one sentence of a section blames someone, most serious first; empty when it blames no one. */
    public List<Blame> check(String sentence, SectionKind section) {
        List<Blame> out = new ArrayList<>();
        for (Found f : analyse(sentence, section)) out.add(blame(section, f));
        return out;
    }

    /** A hit with the words that show it and, where one can be made, the sentence rewritten without the person. */
    record Found(Hit hit, String excerpt, String rewrite) {
    }

    /** The best hit per rule, in order of seriousness, at or above the report floor. */
    List<Found> analyse(String text, SectionKind kind) {
        return analyse(text, kind, true);
    }

    /** @param screened false to read the sentence in full even when the screen would let it go (to test the screen) */
    List<Found> analyse(String text, SectionKind kind, boolean screened) {
        boolean worthALook = !screened || screen.worthALook(words.tokens(text, false));
        if (classifier == null && !worthALook) return List.of();
        List<Token> tokens = words.tokens(text, true); // quoted and rejected words left out, for the rules and the model alike
        if (tokens.isEmpty()) return List.of();
        List<Found> byRules = worthALook ? byRules(text, tokens, kind) : List.of();
        if (classifier == null) return byRules;
        BlameClassifier.Judgement j = classifier.get().judge(BlameClassifier.features(tokens, kind, lex, names));
        if (!byRules.isEmpty()) return j.blame() < STATISTICAL_VETO ? byRules.stream().filter(f -> blocks(kind, f)).toList() : byRules;
        if (j.blame() < STATISTICAL_THRESHOLD) return List.of();
        Sentence s = new Sentence(text, tokens, kind);
        return List.of(new Found(new Hit(STATISTICAL, j.blame(), 0, s.size(), null, j.rule()), s.excerpt(0, s.size()), null));
    }

    /** The features the classifier reads for a sentence: quoted and rejected words left out. */
    String[] features(String text, SectionKind kind) {
        return BlameClassifier.features(words.tokens(text, true), kind, lex, names);
    }

    private List<Found> byRules(String text, List<Token> tokens, SectionKind kind) {
        Sentence s = new Sentence(text, words.lemmatised(Tagger.tag(tokens)), kind);
        List<Hit> all = new ArrayList<>();
        for (RuleSet r : rules) all.addAll(r.find(s));
        Map<String, Hit> best = new LinkedHashMap<>();
        for (Hit h : all) {
            if (h.confidence() >= REPORT_FLOOR) best.merge(h.rule(), h, (a, b) -> b.confidence() > a.confidence() ? b : a);
        }
        List<Found> out = new ArrayList<>();
        for (String r : ORDER) {
            Hit h = best.get(r);
            if (h != null) out.add(new Found(h, s.excerpt(h.from(), h.to()), rewrite(s, h)));
        }
        return out;
    }

    /** "The intern deleted the orders table by mistake." -> "A command deleted the orders table." */
    private static String rewrite(Sentence s, Hit h) {
        if (h.replacement() == null || h.agent() == null || h.agent().from() >= s.size()) return null;
        int start = s.get(h.agent().from()).start();
        int end = s.get(h.agent().to() - 1).end();
        String text = s.text;
        // the determiner before a role goes with it
        if (h.agent().from() > 0 && s.get(h.agent().from() - 1).is("the", "a", "an", "our", "one", "that", "this")) start = s.get(h.agent().from() - 1).start();
        String rewritten = text.substring(0, start) + h.replacement() + text.substring(end);
        rewritten = rewritten.replaceAll("(?i)\\b(?:accidentally|mistakenly|carelessly|inadvertently|by mistake|by accident)\\s*", "");
        rewritten = rewritten.replaceAll("\\s+([.,;!?])", "$1").replaceAll("\\s{2,}", " ").strip();
        if (start > 0) rewritten = rewritten.replaceFirst("(?<=\\s)A (change|command)", "a $1");
        return rewritten;
    }

    /** The finding would be an error that holds the post-mortem back. */
    private boolean blocks(SectionKind section, Found f) {
        return weight(section, f.hit()) == Blame.Weight.BLOCKING;
    }

    private Blame blame(SectionKind section, Found f) {
        Hit h = f.hit();
        Blame.Weight weight = weight(section, h);
        double confidence = Math.round(h.confidence() * 100) / 100.0;
        return new Blame(h.rule(), weight, confidence, message(h), f.excerpt(), suggestion(h, f));
    }

    private Blame.Weight weight(SectionKind section, Hit h) {
        Blame.Weight weight = switch (h.rule()) {
            case SanctionRules.RULE, CauseRules.RULE -> Blame.Weight.BLOCKING;
            case WordRules.HUMAN_ERROR -> CAUSE_SECTIONS.contains(section) ? Blame.Weight.BLOCKING : Blame.Weight.WARNING;
            case WordRules.HINDSIGHT -> Blame.Weight.ADVICE;
            case STATISTICAL -> Blame.Weight.WARNING; // a statistical judgement never holds a post-mortem back
            default -> Blame.Weight.WARNING;
        };
        if (weight == Blame.Weight.BLOCKING && h.confidence() < blockingConfidence) weight = Blame.Weight.WARNING;
        return weight;
    }

    private static String message(Hit h) {
        return switch (h.rule()) {
            case SanctionRules.RULE -> "punitive action: a blameless post-mortem changes systems, it does not punish people";
            case CauseRules.RULE -> h.agent() != null && h.agent().kind() == Agent.Kind.TEAM
                    ? "names a team as the cause; describe the action and the conditions that allowed it"
                    : h.agent() != null && h.agent().kind() == Agent.Kind.ROLE
                    ? "names a role as the cause; describe the action and the conditions that allowed it"
                    : "names a person as the cause; describe the action and the conditions that allowed it";
            case STATISTICAL -> "reads like blame (" + KIND_WORDS.getOrDefault(h.replacement(), "blame") + ") to a statistical model trained on "
                    + "labelled post-mortem sentences; no rule matched, so this is a judgement to check, not a certainty";
            case WordRules.HUMAN_ERROR -> "'human error' is where an investigation starts, not a cause; name the conditions that made the error likely";
            case OmissionRules.FAILED_TO -> "'X forgot / failed to' makes a person the subject of the failure; make the missing safeguard the subject";
            case WordRules.JUDGEMENT -> "judgement word: it describes a person's character, not what happened";
            case OmissionRules.COUNTERFACTUAL -> "counterfactual ('should have', 'could have'): it judges with knowledge nobody had at the time";
            default -> "hindsight bias: what is obvious now was not during the incident";
        };
    }

    private static final Map<String, String> KIND_WORDS = Map.of(SanctionRules.RULE, "a punitive action", CauseRules.RULE,
            "a person or team as the cause", WordRules.HUMAN_ERROR, "human error as a cause", OmissionRules.FAILED_TO, "someone failed or forgot",
            WordRules.JUDGEMENT, "a judgement of someone's character", OmissionRules.COUNTERFACTUAL, "what someone should have done",
            WordRules.HINDSIGHT, "hindsight: it was obvious");

    private static String suggestion(Hit h, Found f) {
        return switch (h.rule()) {
            case STATISTICAL -> "If it does blame, make the system the subject: what happened, and what allowed it. If it does not, "
                    + "waive it: <!-- hindsight-ignore " + STATISTICAL + ": why -->.";
            case SanctionRules.RULE -> "Change the system instead: add a safeguard, a review step or automation, e.g. "
                    + "'Require a second approval for production schema changes'.";
            case CauseRules.RULE -> f.rewrite() != null
                    ? "'" + f.rewrite() + "' - then say what made that possible (no guard rail, review or confirmation)."
                    : "Name the change or condition instead of the person, e.g. 'caused by a configuration change that was not validated'.";
            case WordRules.HUMAN_ERROR -> "Describe what made the mistake easy and its effect large, e.g. 'The command accepted a production "
                    + "target without confirmation'.";
            case OmissionRules.FAILED_TO -> "Say what did not happen and what would have made it happen, e.g. 'The migration was not "
                    + "tested against production-sized data; the pipeline has no such stage'.";
            case WordRules.JUDGEMENT -> "Remove '" + f.excerpt() + "' and describe the action and what shaped it (time pressure, missing "
                    + "checks, unclear instructions).";
            case OmissionRules.COUNTERFACTUAL -> "Describe what happened and why it made sense then, e.g. replace 'we should have rolled back' "
                    + "with 'rollback was not tried first because the runbook did not cover it'.";
            default -> "Drop '" + f.excerpt() + "', or say what information was available at the time.";
        };
    }

    /** Milliseconds it took to read the blame classifier's model (reads it now if it was not yet). */
    public static double classifierLoadMillis() {
        return BlameClassifier.loadMillis();
    }

    /** Milliseconds it took to read the part-of-speech model (reads it now if no sentence has needed it yet). */
    public static double modelLoadMillis() {
        return Tagger.loadMillis();
    }
}
