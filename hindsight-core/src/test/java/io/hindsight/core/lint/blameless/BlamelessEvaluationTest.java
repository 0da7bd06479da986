package io.hindsight.core.lint.blameless;

import io.hindsight.core.model.SectionKind;
import org.junit.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/**
 * Measures the blameless checker on the labelled corpus it was built with: precision (how often a
 * flagged sentence really blames) and recall (how much blame it catches), per kind of blame and per
 * kind of clean sentence. The development part is what the rules were tuned on; the test part was
 * written before the rules and never tuned on; the blind part was written by someone who never saw the
 * rules and measured once (0.957/0.688), then tuned on, so it is development data now; blind part 2 likewise
 * (measured once at 0.914/0.663), and blind part 3 (measured once at 0.957/0.688 with the classifier); these five parts
 * and twelve training parts train the blame classifier now, so for them this class measures the RULES alone (the
 * classifier's score there would be in-sample); {@link BlameClassifierEvaluationTest} measures rules plus classifier
 * by leave-one-file-out cross-validation. Blind parts 4 and 5 train nothing: they are measured as users run the checker.
 */
public class BlamelessEvaluationTest {
    static final Map<String, String> RULE_OF_KIND = Map.of("person", "blameless.person-as-cause", "role", "blameless.person-as-cause",
            "human-error", "blameless.human-error", "counterfactual", "blameless.counterfactual", "failed-to", "blameless.failed-to",
            "judgement", "blameless.judgement", "hindsight", "blameless.hindsight", "punitive", "blameless.punitive");
    private static final Set<String> CLEAN_KINDS = Set.of("ok-systemic", "ok-person", "ok-technical", "ok-quoted");

    record Example(String kind, SectionKind section, String sentence) {
        boolean blame() {
            return !kind.startsWith("ok");
        }

        List<String> kinds() {
            return List.of(kind.split("\\+"));
        }
    }

    static List<Example> corpus(String resource) throws IOException {
        List<Example> out = new ArrayList<>();
        try (InputStream in = BlamelessEvaluationTest.class.getResourceAsStream(resource)) {
            int n = 0;
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                n++;
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] cols = line.split("\t");
                if (cols.length != 3) throw new IllegalStateException(resource + ":" + n + ": expected kind, section, sentence");
                Example e = new Example(cols[0], SectionKind.fromId(cols[1]), cols[2]);
                for (String k : e.kinds()) {
                    if (!RULE_OF_KIND.containsKey(k) && !CLEAN_KINDS.contains(k)) throw new IllegalStateException(resource + ":" + n + ": unknown kind " + k);
                }
                out.add(e);
            }
        }
        return out;
    }

    record Score(int size, int blame, double precision, double recall, Map<String, double[]> perKind, int twoProblemsBoth, int twoProblems) {
    }

    static Score measure(String name, List<Example> corpus, boolean showMisses) {
        return measure(name, corpus, showMisses, new BlamelessChecker(Set.of(), BlamelessChecker.DEFAULT_BLOCKING_CONFIDENCE, null)); // the rules alone
    }

    /** @param checker the rules alone, or the rules with the shipped classifier (as users run it) */
    static Score measure(String name, List<Example> corpus, boolean showMisses, BlamelessChecker checker) {
        int tp = 0, fp = 0, fn = 0, both = 0, two = 0, blame = 0;
        Map<String, int[]> kinds = new TreeMap<>(); // found (or wrongly flagged), right rule, total
        List<String> misses = new ArrayList<>();
        for (Example e : corpus) {
            List<BlamelessChecker.Found> found = checker.analyse(e.sentence(), e.section());
            List<String> rules = found.stream().map(f -> f.hit().rule()).toList();
            String kind = e.kinds().get(0);
            int[] c = kinds.computeIfAbsent(kind, k -> new int[3]);
            c[2]++;
            if (e.blame()) {
                blame++;
                if (!found.isEmpty()) {
                    tp++;
                    c[0]++;
                    if (rules.contains(RULE_OF_KIND.get(kind))) c[1]++;
                } else {
                    fn++;
                    misses.add("missed  [" + e.kind() + "] " + e.sentence());
                }
                if (e.kinds().size() > 1) {
                    two++;
                    if (e.kinds().stream().allMatch(k -> rules.contains(RULE_OF_KIND.get(k)))) both++;
                    else misses.add("one of two [" + e.kind() + " got " + rules + "] " + e.sentence());
                }
            } else if (!found.isEmpty()) {
                fp++;
                c[0]++;
                BlamelessChecker.Found f = found.get(0);
                misses.add(String.format("false + [%s %s %.2f on '%s'] %s", e.kind(), f.hit().rule(), f.hit().confidence(), f.excerpt(), e.sentence()));
            }
        }
        double precision = tp + fp == 0 ? 1 : tp / (double) (tp + fp);
        double recall = tp / (double) (tp + fn);
        System.out.printf("%n%s: %d sentences, %d blaming, %d clean%n", name, corpus.size(), blame, corpus.size() - blame);
        System.out.printf("%s: precision %.3f, recall %.3f, F1 %.3f; two problems in one sentence: both found in %d of %d%n",
                name, precision, recall, 2 * precision * recall / (precision + recall), both, two);
        Map<String, double[]> perKind = new TreeMap<>();
        kinds.forEach((k, c) -> {
            if (CLEAN_KINDS.contains(k)) {
                System.out.printf("  %-15s flagged %3d of %3d  (false alarms %.2f)%n", k, c[0], c[2], c[0] / (double) c[2]);
            } else {
                System.out.printf("  %-15s found   %3d of %3d  (recall %.2f; right rule %.2f)%n", k, c[0], c[2], c[0] / (double) c[2], c[1] / (double) c[2]);
            }
            perKind.put(k, new double[]{c[0] / (double) c[2], c[2]});
        });
        if (showMisses) misses.forEach(m -> System.out.println("  " + m));
        return new Score(corpus.size(), blame, precision, recall, perKind, both, two);
    }

    @Test
    public void theCorpusIsLargeVariedAndSplit() throws IOException {
        List<Example> dev = corpus("/lint/corpus/dev.tsv");
        List<Example> test = corpus("/lint/corpus/test.tsv");
        assertTrue("at least 600 sentences in all, " + (dev.size() + test.size()), dev.size() + test.size() >= 600);
        for (List<Example> part : List.of(dev, test)) {
            for (String k : RULE_OF_KIND.keySet()) assertTrue("every kind of blame in both parts: " + k, part.stream().filter(e -> e.kinds().contains(k)).count() >= 15);
            for (String k : CLEAN_KINDS) assertTrue("every kind of clean sentence in both parts: " + k, part.stream().filter(e -> e.kind().equals(k)).count() >= 20);
        }
        List<String> devSentences = dev.stream().map(Example::sentence).toList();
        assertEquals("no sentence in both parts", List.of(), test.stream().map(Example::sentence).filter(devSentences::contains).toList());
    }

    @Test
    public void developmentPartMeetsItsFloors() throws IOException {
        Score s = measure("blameless dev", corpus("/lint/corpus/dev.tsv"), true);
        assertTrue("dev precision " + s.precision() + " below 0.95", s.precision() >= 0.95);
        assertTrue("dev recall " + s.recall() + " below 0.92", s.recall() >= 0.92);
        s.perKind().forEach((k, v) -> {
            if (RULE_OF_KIND.containsKey(k)) assertTrue("dev recall for " + k + " " + v[0] + " below 0.80", v[0] >= 0.80);
            else assertTrue("dev false alarms on " + k + " " + v[0] + " above 0.08", v[0] <= 0.08);
        });
    }

    /** Never tuned on: the floors are lower, and its misses are printed only at the end of the work. */
    @Test
    public void testPartMeetsItsLowerFloors() throws IOException {
        Score s = measure("blameless test (never tuned on)", corpus("/lint/corpus/test.tsv"), Boolean.getBoolean("blameless.showTestMisses"));
        assertTrue("test precision " + s.precision() + " below 0.90", s.precision() >= 0.90);
        assertTrue("test recall " + s.recall() + " below 0.80", s.recall() >= 0.80);
    }

    /**
     * Written blind by a session that never saw the rules, and measured once as it came (2026-11-29): precision
     * 0.957, recall 0.688 (the issue asks 0.92 and 0.85). It is DEVELOPMENT data since then: the rules added after
     * that measurement were tuned on its misses (precision 0.994, recall 0.969 after), so quote the first
     * measurement, not these floors, as a held-out score. The floors sit just under what the tuning reached, to
     * catch a regression.
     */
    @Test
    public void blindPartIsMeasured() throws IOException {
        Score s = measure("blameless blind (first measured blind 0.957/0.688; development data since, tuned on)", corpus("/lint/corpus/blind.tsv"),
                Boolean.getBoolean("blameless.showTestMisses"));
        assertTrue("blind precision " + s.precision() + " below 0.98", s.precision() >= 0.98);
        assertTrue("blind recall " + s.recall() + " below 0.95", s.recall() >= 0.95);
    }

    /**
     * The held-out score to quote: written blind by another session after the rules were tuned on blind part 1,
     * and measured once as it came (2026-11-29): precision 0.914, recall 0.663, below the 0.92 and 0.85 asked. Its
     * floors sit under that first measurement, to catch a regression. It is TRAINING data for the blame classifier
     * since then (the rules were not tuned on it); its honest rules-plus-classifier score is the held-out-file row
     * of {@link BlameClassifierEvaluationTest}.
     */
    @Test
    public void blindPartTwoIsMeasured() throws IOException {
        Score s = measure("blameless blind 2 (first measured blind 0.914/0.663, rules never tuned on it; trains the classifier since)", corpus("/lint/corpus/blind2.tsv"),
                Boolean.getBoolean("blameless.showTestMisses"));
        assertTrue("blind 2 precision " + s.precision() + " below 0.88", s.precision() >= 0.88);
        assertTrue("blind 2 recall " + s.recall() + " below 0.62", s.recall() >= 0.62);
    }

    /**
     * Written blind by a third session and measured once, as it came, when the rules and the classifier were done
     * (2026-11-29): measured once as users run it (the rules and the shipped classifier) at 0.957/0.688 (rules alone
     * 0.948/0.569), below the 0.92 and 0.85 asked. It is DEVELOPMENT data since then: it is one of the classifier's
     * training files ({@link BlameCorpus#FILES}) and its misses guided the classifier's features, so quote that first
     * measurement, not these floors, as a held-out score. Its honest rules-plus-classifier score is now its
     * held-out-file row of {@link BlameClassifierEvaluationTest} (a model trained without it). The classifier here
     * was trained on these very sentences, so the combined score is in-sample; the floors sit just under what it
     * reaches, to catch a regression.
     */
    @Test
    public void blindPartThreeIsMeasuredAsUsersRunIt() throws IOException {
        List<Example> blind3 = corpus("/lint/corpus/blind3.tsv");
        Score rules = measure("blameless blind 3, rules alone (first measured blind 0.948/0.569; rules never tuned on it)", blind3, false);
        Score shipped = measure("blameless blind 3, rules + classifier as shipped (first measured blind 0.957/0.688; trained on since)", blind3,
                Boolean.getBoolean("blameless.showTestMisses"), new BlamelessChecker(Set.of(), BlamelessChecker.DEFAULT_BLOCKING_CONFIDENCE));
        assertTrue("blind 3 rules-alone precision " + rules.precision() + " below 0.94", rules.precision() >= 0.94);
        assertTrue("blind 3 rules-alone recall " + rules.recall() + " below 0.55", rules.recall() >= 0.55);
        assertTrue("blind 3 precision " + shipped.precision() + " below 0.96", shipped.precision() >= 0.96);
        assertTrue("blind 3 recall " + shipped.recall() + " below 0.98", shipped.recall() >= 0.98);
    }

    /**
     * Written blind by a fourth session and measured once, as it came, after the classifier had learned from blind
     * part 3 (2026-11-29): precision 0.954, recall 0.775 (the rules alone 0.950 / 0.594). Then measured once more,
     * as it came, after the classifier learned from the twelve training parts and the cross-validation chose the veto
     * and the threshold (without looking at this part): precision 0.993, recall 0.894. After a review the veto spares
     * errors and the cross-validation picked 0.3 / 0.75; measured again: 0.993 / 0.881 (0.992 / 0.870 without the 22
     * sentences that nearly repeat a training sentence). In no training file ({@link BlameCorpus#FILES}), never tuned
     * on. The floors sit under that measurement, to catch a regression.
     */
    @Test
    public void blindPartFourIsMeasuredAsUsersRunIt() throws IOException {
        heldOutPartIsMeasuredAsUsersRunIt("blind4", 0.95, 0.85);
    }

    /**
     * Written blind by a fifth session from the brief the training parts had (corpus/BRIEF.md) in a mix of voices,
     * kept unread while the classifier was trained and the veto and threshold chosen, then measured once, as it came:
     * precision 0.981, recall 0.944 (rules alone 0.971 / 0.638). In no training file, never tuned on. Its writer had
     * the same brief as the training parts' writers, which flatters it: blind part 4 (another brief) is the sterner test.
     * The floors sit under that measurement, to catch a regression.
     */
    @Test
    public void blindPartFiveIsMeasuredAsUsersRunIt() throws IOException {
        heldOutPartIsMeasuredAsUsersRunIt("blind5", 0.95, 0.90);
    }

    /**
     * A sentence of a held-out part the classifier may have seen anyway: the same words (case and punctuation aside) as
     * a training sentence ("Root cause: human error." is in most parts), or two thirds of its words in one.
     */
    static Set<String> alsoInTraining(List<Example> part) throws IOException {
        List<Set<String>> training = new ArrayList<>();
        Set<String> same = new java.util.HashSet<>();
        for (String f : BlameCorpus.FILES) {
            for (BlameCorpus.Sentence e : BlameClassifierEvaluationTest.read(f)) {
                training.add(wordsOf(e.text()));
                same.add(String.join(" ", wordsOf(e.text())));
            }
        }
        Set<String> out = new java.util.LinkedHashSet<>();
        for (Example e : part) {
            Set<String> w = wordsOf(e.sentence());
            if (same.contains(String.join(" ", w))) {
                out.add(e.sentence());
                continue;
            }
            for (Set<String> t : training) {
                long shared = w.stream().filter(t::contains).count();
                if (shared >= 2.0 / 3 * Math.max(w.size(), t.size())) {
                    out.add(e.sentence());
                    break;
                }
            }
        }
        return out;
    }

    private static Set<String> wordsOf(String sentence) {
        Set<String> out = new java.util.TreeSet<>();
        for (String w : sentence.toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}\\p{N}]+")) if (!w.isEmpty()) out.add(w);
        return out;
    }

    private static void heldOutPartIsMeasuredAsUsersRunIt(String part, double precisionFloor, double recallFloor) throws IOException {
        List<Example> sentences = corpus("/lint/corpus/" + part + ".tsv");
        assertTrue(part + " is in no training file", BlameCorpus.FILES.stream().noneMatch(f -> f.contains(part)));
        Set<String> seen = alsoInTraining(sentences);
        List<Example> unseen = sentences.stream().filter(e -> !seen.contains(e.sentence())).toList();
        Score fresh = measure("blameless " + part + " without the " + seen.size() + " sentences that (nearly) repeat a training sentence", unseen, false,
                new BlamelessChecker(Set.of(), BlamelessChecker.DEFAULT_BLOCKING_CONFIDENCE));
        assertTrue(part + " without repeats: precision " + fresh.precision(), fresh.precision() >= precisionFloor);
        assertTrue(part + " without repeats: recall " + fresh.recall(), fresh.recall() >= recallFloor);
        Score rules = measure("blameless " + part + ", rules alone (never tuned on)", sentences, false);
        Score shipped = measure("blameless " + part + ", rules + classifier as shipped (never tuned on)", sentences, Boolean.getBoolean("blameless.showTestMisses"),
                new BlamelessChecker(Set.of(), BlamelessChecker.DEFAULT_BLOCKING_CONFIDENCE));
        assertTrue(part + " precision " + shipped.precision() + " below " + precisionFloor, shipped.precision() >= precisionFloor);
        assertTrue(part + " recall " + shipped.recall() + " below " + recallFloor, shipped.recall() >= recallFloor);
        assertTrue("the classifier adds recall on unseen text: " + rules.recall() + " -> " + shipped.recall(), shipped.recall() > rules.recall());
    }
}
