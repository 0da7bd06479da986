package io.hindsight.core.lint.blameless;

import io.hindsight.core.model.SectionKind;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The labelled sentences the blame classifier learns from, and the command that trains the shipped model.
 * Two formats are read: the corpus parts ({@code kind<TAB>section<TAB>sentence}, kinds such as
 * {@code person}, {@code failed-to}, {@code ok-quoted}, a "+" joining two) and the older files
 * ({@code rule-id<TAB>section<TAB>sentence}, {@code ok}/{@code ok-tricky} for clean). Both map to one label:
 * the rule the sentence breaks first, or {@value BlameClassifier#CLEAN}.
 *
 * <p>To remake the shipped model after the corpus, the features or the training settings change (the corpus lives
 * in the test resources, so the test runner has it on the class path), from the repository root:
 * <pre>
 * mvn -B -ntp -o -pl hindsight-core test -Dtest=BlameClassifierModelTest -Dblameless.retrain=true
 * </pre>
 * which calls {@link #main} with {@code src/test/resources/lint src/main/resources/io/hindsight/core/lint/blameless}.
 */
public final class BlameCorpus {
    /** The training files, relative to the test resources' {@code lint} folder, in training order. */
    public static final List<String> FILES = List.of("corpus/dev.tsv", "corpus/test.tsv", "corpus/blind.tsv", "corpus/blind2.tsv", "corpus/blind3.tsv",
            "blameless-corpus.tsv", "blameless-holdout.tsv", "corpus/train-a.tsv", "corpus/train-b.tsv", "corpus/train-c.tsv", "corpus/train-d.tsv",
            "corpus/train-e.tsv", "corpus/train-f.tsv", "corpus/train-g.tsv", "corpus/train-h.tsv", "corpus/train-i.tsv", "corpus/train-j.tsv",
            "corpus/train-k.tsv", "corpus/train-l.tsv");
    /** Changes whenever the features or the training settings change, so the stored hash no longer matches. */
    static final String RECIPE = "features-v2 maxent-qn cutoff=" + BlameClassifier.CUTOFF + " l2=" + BlameClassifier.L2;

    private static final Map<String, String> RULE_OF_KIND = Map.of("person", CauseRules.RULE, "role", CauseRules.RULE,
            "human-error", WordRules.HUMAN_ERROR, "counterfactual", OmissionRules.COUNTERFACTUAL, "failed-to", OmissionRules.FAILED_TO,
            "judgement", WordRules.JUDGEMENT, "hindsight", WordRules.HINDSIGHT, "punitive", SanctionRules.RULE);
    private static final Set<String> RULES = Set.copyOf(RULE_OF_KIND.values());
    private static final Set<String> CLEAN_KINDS = Set.of("ok", "ok-tricky", "ok-systemic", "ok-person", "ok-technical", "ok-quoted");

    private BlameCorpus() {
    }

    /**
     * One labelled sentence.
     *
     * @param source the file it comes from (a cross-validation fold)
     * @param kind   the label as written, first of two when a "+" joins them ("person", "ok-quoted", "blameless.judgement", "ok-tricky")
     * @param label  the rule it breaks, or {@value BlameClassifier#CLEAN}
     */
    public record Sentence(String source, String kind, String label, SectionKind section, String text) {
        public boolean blame() {
            return !label.equals(BlameClassifier.CLEAN);
        }
    }

    /** Reads one corpus file; a line that cannot be read is an error naming the file and line. */
    public static List<Sentence> parse(String source, String content) {
        List<Sentence> out = new ArrayList<>();
        int n = 0;
        for (String line : content.split("\n")) {
            n++;
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] cols = line.split("\t");
            if (cols.length != 3) throw new IllegalArgumentException(source + ":" + n + ": expected kind, section and sentence separated by tabs");
            String kind = cols[0].split("\\+")[0].strip();
            String label;
            if (CLEAN_KINDS.contains(kind)) label = BlameClassifier.CLEAN;
            else if (RULE_OF_KIND.containsKey(kind)) label = RULE_OF_KIND.get(kind);
            else if (RULES.contains(kind)) label = kind;
            else throw new IllegalArgumentException(source + ":" + n + ": unknown kind '" + kind + "'");
            out.add(new Sentence(source, kind, label, SectionKind.fromId(cols[1].strip()), cols[2]));
        }
        return out;
    }

    /** The classifier's training examples for these sentences, features as the checker makes them. */
    static List<BlameClassifier.Example> examples(List<Sentence> sentences) {
        BlamelessChecker features = new BlamelessChecker(Set.of(), BlamelessChecker.DEFAULT_BLOCKING_CONFIDENCE, null);
        List<BlameClassifier.Example> out = new ArrayList<>(sentences.size());
        for (Sentence s : sentences) out.add(new BlameClassifier.Example(s.label(), features.features(s.text(), s.section())));
        return out;
    }

    /** Trains a classifier on the sentences, in their order. */
    public static BlameClassifier train(List<Sentence> sentences) {
        return BlameClassifier.train(examples(sentences));
    }

    /** SHA-256 of the recipe and of every training file's name and content, in training order. */
    public static String hash(List<String> names, List<String> contents) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(RECIPE.getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < names.size(); i++) {
                d.update(("\n--" + names.get(i) + "\n").getBytes(StandardCharsets.UTF_8));
                d.update(contents.get(i).replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The hash stored beside the shipped model. */
    public static String shippedHash() {
        try (var in = BlameCorpus.class.getResourceAsStream(BlameClassifier.MODEL_HASH)) {
            if (in == null) return "";
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Trains the model on every file of {@link #FILES} under {@code args[0]} (the test resources' lint folder)
     * and writes it with its corpus hash into {@code args[1]} (the main resources' blameless folder).
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: BlameCorpus <test resources lint folder> <main resources blameless folder>");
            System.exit(2);
        }
        Path lint = Path.of(args[0]);
        Path out = Path.of(args[1]);
        List<String> contents = new ArrayList<>();
        List<Sentence> all = new ArrayList<>();
        for (String f : FILES) {
            String c = Files.readString(lint.resolve(f));
            contents.add(c);
            all.addAll(parse(f, c));
        }
        long t0 = System.nanoTime();
        BlameClassifier model = train(all);
        long t1 = System.nanoTime();
        Path modelFile = out.resolve(Path.of(BlameClassifier.MODEL).getFileName().toString());
        try (OutputStream o = Files.newOutputStream(modelFile)) {
            model.write(o);
        }
        String hash = hash(FILES, contents);
        Files.writeString(out.resolve(Path.of(BlameClassifier.MODEL_HASH).getFileName().toString()), hash + "\n");
        System.out.printf("trained on %d sentences in %.0f ms; wrote %s (%d bytes), corpus hash %s%n", all.size(), (t1 - t0) / 1e6,
                modelFile, Files.size(modelFile), hash);
    }
}
