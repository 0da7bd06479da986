package io.hindsight.core.lint.blameless;

import io.hindsight.core.model.SectionKind;
import opennlp.tools.ml.TrainerFactory;
import opennlp.tools.ml.maxent.quasinewton.QNTrainer;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.BinaryFileDataReader;
import opennlp.tools.ml.model.Event;
import opennlp.tools.ml.model.GenericModelReader;
import opennlp.tools.ml.model.GenericModelWriter;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A statistical second opinion for the sentences the rules let go: a maximum-entropy classifier
 * (OpenNLP's L-BFGS trainer, L2-regularised) over words, word pairs and word classes, trained on the
 * labelled corpus of post-mortem sentences ({@link BlameCorpus}). It answers which rule a sentence most
 * likely breaks and how likely it is to blame anyone at all. Words are abstracted the way the rules see
 * them, so that it learns constructions rather than names: an unfamiliar capitalised word or a handle
 * becomes {@code #name}, a role noun {@code #role}, a team {@code #team}; quoted and rejected words are
 * left out before it reads the sentence, exactly as for the rules.
 *
 * <p>The shipped model ({@value #MODEL}) is made by {@link BlameCorpus#main}; a test checks that it is
 * the model the current corpus trains (the corpus hash is stored beside it).
 */
public final class BlameClassifier {
    static final String MODEL = "/io/hindsight/core/lint/blameless/blame-classifier.bin.gz";
    static final String MODEL_HASH = "/io/hindsight/core/lint/blameless/blame-classifier.sha256";
    /** The label of a sentence that blames no one. */
    static final String CLEAN = "ok";

    private final MaxentModel model;
    private final int clean;

    private BlameClassifier(MaxentModel model) {
        this.model = model;
        this.clean = model.getIndex(CLEAN);
        if (clean < 0) throw new IllegalStateException("the blame classifier has no '" + CLEAN + "' outcome");
    }

    /** What the classifier makes of one sentence. */
    record Judgement(String rule, double blame) {
    }

    private static final class Shipped {
        static final long T0 = System.nanoTime();
        static final BlameClassifier INSTANCE = readShipped();
        static final long LOAD_NANOS = System.nanoTime() - T0;

        private static BlameClassifier readShipped() {
            try (InputStream in = BlameClassifier.class.getResourceAsStream(MODEL)) {
                if (in == null) throw new IllegalStateException(MODEL + " is missing from the jar: run BlameCorpus to make it");
                return BlameClassifier.read(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the blame classifier " + MODEL, e);
            }
        }
    }

    /** The model shipped in the jar, read once per process. */
    static BlameClassifier shipped() {
        return Shipped.INSTANCE;
    }

    /** Milliseconds it took to read the shipped model (reads it now if it was not yet). */
    static double loadMillis() {
        shipped();
        return Shipped.LOAD_NANOS / 1e6;
    }

    static BlameClassifier read(InputStream in) throws IOException {
        AbstractModel m = new GenericModelReader(new BinaryFileDataReader(new java.io.BufferedInputStream(new GZIPInputStream(in), 1 << 16))).getModel();
        return new BlameClassifier(m);
    }

    void write(OutputStream out) throws IOException {
        GZIPOutputStream gz = new GZIPOutputStream(out);
        new GenericModelWriter((AbstractModel) model, new DataOutputStream(gz)).persist();
        gz.finish();
    }

    /** One labelled sentence: its features and its label (a rule id or {@value #CLEAN}). */
    record Example(String label, String[] features) {
    }

    /** Trains a model; deterministic for the same examples in the same order. */
    static BlameClassifier train(List<Example> examples) {
        return train(examples, 1);
    }

    /** @param threads more than one is faster, but sums in another order: the shipped model is trained on one */
    static BlameClassifier train(List<Example> examples, int threads) {
        TrainingParameters p = new TrainingParameters();
        p.put(TrainingParameters.ALGORITHM_PARAM, QNTrainer.MAXENT_QN_VALUE);
        p.put(TrainingParameters.ITERATIONS_PARAM, 300);
        p.put(TrainingParameters.CUTOFF_PARAM, CUTOFF);
        p.put(QNTrainer.L1COST_PARAM, 0.0);
        p.put(QNTrainer.L2COST_PARAM, L2);
        p.put(QNTrainer.THREADS_PARAM, threads);
        p.put("PrintMessages", false);
        List<Event> events = new ArrayList<>(examples.size());
        for (Example e : examples) events.add(new Event(e.label(), e.features()));
        try {
            return new BlameClassifier(TrainerFactory.getEventTrainer(p, new HashMap<>()).train(ObjectStreamUtils.createObjectStream(events)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Chosen by the cross-validation (0.5, 0.25, 0.1, 0.05, 0.02, 0.01 tried): weaker regularisation lets the agent features count. */
    static final double L2 = 0.05;
    /** Features seen in fewer sentences are left out. */
    static final int CUTOFF = 2;

    /** How likely the sentence is to blame someone, and the rule it most likely breaks. */
    Judgement judge(String[] features) {
        double[] p = model.eval(features);
        int best = -1;
        for (int i = 0; i < p.length; i++) if (i != clean && (best < 0 || p[i] > p[best])) best = i;
        return new Judgement(model.getOutcome(best), 1 - p[clean]);
    }

    /**
     * The features of a sentence (tokens with quoted and rejected words already left out): word classes and
     * lemmas, pairs of neighbouring classes, the section it stands in, and a few cheap conjunctions a linear model
     * cannot form itself and that blame written without a rule's words shares ({@link #agentFeatures}).
     */
    static String[] features(List<Token> tokens, SectionKind section, Lexicon lex, Set<String> knownNames) {
        Set<String> f = new LinkedHashSet<>();
        List<String> seq = new ArrayList<>(tokens.size() + 2);
        List<Token> kept = new ArrayList<>(tokens.size());
        seq.add("<s>");
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            String w = wordClass(t, lex, knownNames);
            if (w == null) continue;
            seq.add(w);
            kept.add(t);
            f.add("w=" + w);
            if (w.startsWith("#") && !w.equals("#name")) f.add("w=" + lex.lemma(t.lower()));
        }
        seq.add("</s>");
        for (int i = 1; i < seq.size(); i++) f.add("b=" + seq.get(i - 1) + "_" + seq.get(i));
        for (int i = 2; i < seq.size(); i++) f.add("s=" + seq.get(i - 2) + "_" + seq.get(i));
        if (section != null) f.add("sec=" + section.id());
        agentFeatures(tokens, seq.subList(1, seq.size() - 1), kept, section, lex, f);
        return f.toArray(new String[0]);
    }

    /** Lexicon lists whose membership is a feature of its own, so that a blame word seen once lends weight to its list. */
    private static final List<String> CLASS_LISTS = List.of("harm", "fail", "diligence", "judgement", "human-modifier", "error-noun",
            "blame-noun", "sanction", "sanction-thing", "hindsight-adverb", "hindsight-adjective", "change-noun", "harm-qualifier", "modal");
    /** Words that are people without a name: pronouns and vague references ("someone", "the guys"). */
    private static final Set<String> PERSON_WORDS = Set.of("he", "she", "him", "his", "her", "they", "them", "their", "someone", "somebody",
            "whoever", "people", "person", "guy", "guys", "folks", "individual", "human");
    /** Words that introduce a cause or an owner: "because", "due to", "thanks to", "courtesy of", "on Rahul", "lies with", "down to". */
    private static final Set<String> CAUSE_CUES = Set.of("because", "due", "thanks", "courtesy", "blame", "fault", "responsible", "cause",
            "reason", "by", "on", "lie", "sit", "down", "owe", "result", "trigger");
    /** Words that carry a clause's verb between its subject and its predicate ("Rahul had", "QA let"). */
    private static final Set<String> AUXILIARIES = Set.of("had", "has", "have", "was", "were", "is", "did", "does", "do", "will", "would",
            "should", "could", "can", "might", "must", "let", "kept", "keeps", "just", "then", "also", "never", "not", "n't", "still", "finally");

    /**
     * Who is in the sentence and what it says of them, from the cheap word classes (no tagging: the classifier
     * reads the sentences the screen let go too). An agent is a name, a handle, a role, a team or a person word;
     * the features say that one is there (with the section), that it owns something ("Rahul's deploy"), that it
     * stands where a subject does (first word, or before a verb-like word: an auxiliary, an inflected form), that a
     * cause cue comes before it ("thanks to Hiroshi", "because Aisha"), and which lexicon lists follow it.
     */
    private static void agentFeatures(List<Token> all, List<String> seq, List<Token> kept, SectionKind section, Lexicon lex, Set<String> f) {
        String sec = section == null ? "none" : section.id();
        int agents = 0;
        int lastCue = -100;
        int lastAgent = -100;
        boolean negated = false;
        for (int i = 0; i < seq.size(); i++) {
            Token t = kept.get(i);
            String w = seq.get(i);
            Listed word = listed(t.lower(), lex);
            String lemma = word.lemma();
            for (String list : word.lists()) {
                f.add("c=" + list);
                if (i - lastAgent <= 4) f.add("agent>" + list);
                if (negated) f.add("neg>" + list);
            }
            if (t.negation()) negated = true;
            if (CAUSE_CUES.contains(lemma) || CAUSE_CUES.contains(t.lower())) lastCue = i;
            boolean agent = w.equals("#name") || w.equals("#role") || w.equals("#team") || PERSON_WORDS.contains(t.lower());
            if (!agent) continue;
            agents++;
            String kind = PERSON_WORDS.contains(t.lower()) ? "pron" : w.substring(1);
            f.add("agent");
            f.add("agent&sec=" + sec);
            if (i - lastCue <= 3) {
                f.add("cue>agent");
                f.add("cue>agent&sec=" + sec);
            }
            if (i == 0 || (i == 1 && seq.get(0).equals("#num"))) f.add("agent@start");
            if (possessive(all, t)) {
                f.add("agent's");
                f.add("agent's=" + kind);
            }
            if (i + 1 < seq.size()) {
                Token next = kept.get(i + 1);
                if (AUXILIARIES.contains(next.lower()) || verbForm(next, lex)) {
                    f.add("agent+verb");
                    f.add("agent+verb=" + kind);
                }
            }
            lastAgent = i;
        }
        if (agents > 0) f.add("agents=" + Math.min(agents, 2));
    }

    /** A word's lemma and the {@link #CLASS_LISTS} it is in, worked out once per word and process (it was half the features' time). */
    private record Listed(String lemma, List<String> lists) {
    }

    private static final Map<String, Listed> LISTED = new ConcurrentHashMap<>();

    private static Listed listed(String lower, Lexicon lex) {
        Listed known = LISTED.get(lower);
        if (known != null) return known;
        String lemma = lex.lemma(lower);
        List<String> lists = new ArrayList<>(1);
        for (String list : CLASS_LISTS) if (lex.in(list, lemma) || lex.in(list, lower)) lists.add(list);
        Listed l = new Listed(lemma, List.copyOf(lists));
        if (LISTED.size() < 100_000) LISTED.put(lower, l);
        return l;
    }

    /** The token is followed by the clitic "'s" (split off by {@link Words}) or ends in "s'". */
    private static boolean possessive(List<Token> all, Token t) {
        int at = all.indexOf(t);
        if (at >= 0 && at + 1 < all.size()) {
            String n = all.get(at + 1).lower();
            if (n.equals("'s") || n.equals("’s") || n.equals("'") || n.equals("’")) return true;
        }
        return t.lower().endsWith("s'") || t.lower().endsWith("s’");
    }

    /** An inflected verb form by its ending: "deployed", "breaks", "merging" whose base form differs. */
    private static boolean verbForm(Token t, Lexicon lex) {
        String l = t.lower();
        if (!t.word() || t.capitalised()) return false;
        String lemma = lex.lemma(l);
        if (lemma.equals(l)) return false;
        return l.endsWith("ed") || l.endsWith("ing") || (l.endsWith("s") && !l.endsWith("ss")) || !l.endsWith("s");
    }

    /** Closed-class words: the vocabulary (WordNet) has no pronouns, determiners or prepositions, and "The" or "We" is no name. */
    private static final Set<String> FUNCTION_WORDS = Set.of("the", "a", "an", "this", "that", "these", "those", "we", "i", "you",
            "he", "she", "it", "they", "our", "my", "your", "his", "her", "its", "their", "us", "them", "him", "me", "who", "what", "which",
            "when", "where", "why", "how", "if", "because", "since", "after", "before", "while", "during", "until", "once", "as", "and",
            "or", "but", "so", "then", "of", "in", "on", "at", "to", "for", "from", "by", "with", "without", "into", "onto", "about",
            "over", "under", "no", "not", "nobody", "someone", "somebody", "everyone", "everybody", "anyone", "nothing", "something",
            "there", "here", "although", "though", "unless", "whether", "per", "via", "all", "both", "each", "every", "some", "any",
            "none", "neither", "either", "had", "has", "have", "was", "were", "is", "are", "did", "does", "do", "will", "would",
            "should", "could", "can", "may", "might", "must", "shall", "also", "yet", "instead", "let", "let's", "i'm");

    private static String wordClass(Token t, Lexicon lex, Set<String> knownNames) {
        String text = t.text();
        if (text.isEmpty()) return null;
        char c = text.charAt(0);
        if (c == '@') return "#name";
        if (Character.isDigit(c)) return "#num";
        if (!t.word()) return text.equals("?") || text.equals("!") ? text : null;
        String lower = t.lower();
        if (knownNames.contains(lower)) return "#name";
        String lemma = lex.lemma(lower);
        if (lex.in("role", lemma) || lex.in("ambiguous-role", lemma)) return "#role";
        if (lex.in("team", lemma) || lex.in("department", lemma)) return "#team";
        if (t.capitalised() && !FUNCTION_WORDS.contains(lower) && !lex.known(lower) && !lex.known(lemma) && !lex.in("system", lemma) && !lex.in("tech-name", lemma)) return "#name";
        return lemma;
    }
}
