package io.hindsight.core.lint;

import io.hindsight.core.lint.blameless.BlamelessChecker;
import io.hindsight.core.markdown.SourceMap;
import io.hindsight.core.model.PostMortem;
import io.hindsight.core.model.Section;
import io.hindsight.core.model.SectionKind;
import io.hindsight.core.model.Severity;
import org.junit.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.Assert.assertTrue;

/**
 * Measures the blameless checker on a labelled corpus of post-mortem sentences: precision (how
 * often a finding is right) and recall (how much blame it catches). A third of the corpus are
 * tricky negatives, sentences a naive word list would flag.
 */
public class BlamelessCorpusTest {

    record Example(String label, SectionKind kind, String sentence) {
        boolean blame() {
            return label.startsWith("blameless.");
        }
    }

    static List<Example> corpus() throws IOException {
        return corpus("/lint/blameless-corpus.tsv");
    }

    static List<Example> corpus(String resource) throws IOException {
        List<Example> out = new ArrayList<>();
        try (InputStream in = BlamelessCorpusTest.class.getResourceAsStream(resource)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] cols = line.split("\t");
                out.add(new Example(cols[0], SectionKind.fromId(cols[1]), cols[2]));
            }
        }
        return out;
    }

    /** The checker's blameless findings for one sentence, as the only text of its section. */
    static List<Finding> check(Example e) {
        PostMortem pm = new PostMortem(null, "Corpus", Severity.SEV3, null, null, null, null, null, null, null,
                List.of(new Section(e.kind(), e.kind() == SectionKind.CUSTOM ? "Notes" : null, e.sentence())),
                null, null, null, null, null);
        BlamelessChecker rules = BlamelessChecker.forPostMortem(pm, BlamelessChecker.DEFAULT_BLOCKING_CONFIDENCE);
        List<Finding> out = new ArrayList<>();
        for (TextUnit u : TextUnits.of(pm, SourceMap.NONE)) out.addAll(Checker.findings(rules, u));
        return out;
    }

    record Score(int size, int blame, int tricky, double precision, double recall) {
    }

    /** Runs the checker over a corpus and prints precision, recall and every miss. */
    static Score measure(String name, List<Example> corpus) {
        int tp = 0, fp = 0, fn = 0, ruleRight = 0, tricky = 0;
        Map<String, int[]> perRule = new TreeMap<>();
        List<String> misses = new ArrayList<>();
        for (Example e : corpus) {
            List<Finding> found = check(e);
            boolean flagged = !found.isEmpty();
            if (e.label().equals("ok-tricky")) tricky++;
            if (e.blame()) {
                int[] c = perRule.computeIfAbsent(e.label(), k -> new int[2]);
                c[1]++;
                if (flagged) {
                    tp++;
                    if (found.get(0).rule().equals(e.label())) {
                        ruleRight++;
                        c[0]++;
                    }
                } else {
                    fn++;
                    misses.add("missed   [" + e.label() + "] " + e.sentence());
                }
            } else if (flagged) {
                fp++;
                misses.add("false +  [" + found.get(0).rule() + " on '" + found.get(0).excerpt() + "'] " + e.sentence());
            }
        }
        double precision = tp + fp == 0 ? 1 : tp / (double) (tp + fp);
        double recall = tp / (double) (tp + fn);
        System.out.printf("%s: %d sentences (%d blame, %d clean of which %d tricky)%n", name, corpus.size(), tp + fn,
                corpus.size() - tp - fn, tricky);
        System.out.printf("%s: precision %.3f, recall %.3f, F1 %.3f; right rule for %d of %d caught%n", name,
                precision, recall, 2 * precision * recall / (precision + recall), ruleRight, tp);
        perRule.forEach((rule, c) -> System.out.printf("  %-28s right rule %d / %d%n", rule, c[0], c[1]));
        misses.forEach(m -> System.out.println("  " + m));
        return new Score(corpus.size(), tp + fn, tricky, precision, recall);
    }

    @Test
    public void checkerIsPreciseAndCatchesMostBlameOnTheLabelledCorpus() throws IOException {
        Score s = measure("blameless corpus", corpus());
        assertTrue("corpus has at least 200 sentences", s.size() >= 200);
        assertTrue("at least a third are tricky negatives", s.tricky() * 3 >= s.size());
        assertTrue("precision " + s.precision() + " below 0.95", s.precision() >= 0.95);
        assertTrue("recall " + s.recall() + " below 0.90", s.recall() >= 0.90);
    }

    /** Sentences the rules were never tuned on: the honest estimate of how the checker does on new text. */
    @Test
    public void checkerHoldsUpOnSentencesItWasNotTunedOn() throws IOException {
        Score s = measure("blameless hold-out", corpus("/lint/blameless-holdout.tsv"));
        assertTrue("hold-out has at least 75 sentences", s.size() >= 75);
        assertTrue("hold-out precision " + s.precision() + " below 0.85", s.precision() >= 0.85);
        assertTrue("hold-out recall " + s.recall() + " below 0.75", s.recall() >= 0.75);
    }
}
