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
        AbstractModel m = new GenericModelReader(new BinaryFileDataReader(new GZIPInputStream(in))).getModel();
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
        TrainingParameters p = new TrainingParameters();
        p.put(TrainingParameters.ALGORITHM_PARAM, QNTrainer.MAXENT_QN_VALUE);
        p.put(TrainingParameters.ITERATIONS_PARAM, 300);
        p.put(TrainingParameters.CUTOFF_PARAM, 2);
        p.put(QNTrainer.L1COST_PARAM, 0.0);
        p.put(QNTrainer.L2COST_PARAM, L2);
        p.put(QNTrainer.THREADS_PARAM, 1);
        p.put("PrintMessages", false);
        List<Event> events = new ArrayList<>(examples.size());
        for (Example e : examples) events.add(new Event(e.label(), e.features()));
        try {
            return new BlameClassifier(TrainerFactory.getEventTrainer(p, new HashMap<>()).train(ObjectStreamUtils.createObjectStream(events)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static final double L2 = 0.5;

    /** How likely the sentence is to blame someone, and the rule it most likely breaks. */
    Judgement judge(String[] features) {
        double[] p = model.eval(features);
        int best = -1;
        for (int i = 0; i < p.length; i++) if (i != clean && (best < 0 || p[i] > p[best])) best = i;
        return new Judgement(model.getOutcome(best), 1 - p[clean]);
    }

    /**
     * The features of a sentence (tokens with quoted and rejected words already left out): word classes and
     * lemmas, pairs of neighbouring classes, and the section it stands in.
     */
    static String[] features(List<Token> tokens, SectionKind section, Lexicon lex, Set<String> knownNames) {
        Set<String> f = new LinkedHashSet<>();
        List<String> seq = new ArrayList<>(tokens.size() + 2);
        seq.add("<s>");
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            String w = wordClass(t, lex, knownNames);
            if (w == null) continue;
            seq.add(w);
            f.add("w=" + w);
            if (w.startsWith("#") && !w.equals("#name")) f.add("w=" + lex.lemma(t.lower()));
        }
        seq.add("</s>");
        for (int i = 1; i < seq.size(); i++) f.add("b=" + seq.get(i - 1) + "_" + seq.get(i));
        for (int i = 2; i < seq.size(); i++) f.add("s=" + seq.get(i - 2) + "_" + seq.get(i));
        if (section != null) f.add("sec=" + section.id());
        return f.toArray(new String[0]);
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
