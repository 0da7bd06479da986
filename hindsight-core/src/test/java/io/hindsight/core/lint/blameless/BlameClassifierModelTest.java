package io.hindsight.core.lint.blameless;

import io.hindsight.core.model.SectionKind;
import org.junit.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/**
 * The shipped blame classifier is the one the current corpus trains: its stored corpus hash matches the corpus,
 * and a model trained now judges every corpus sentence exactly as the shipped one does. To remake it, run this
 * class with {@code -Dblameless.retrain=true} (it then writes the model and its hash into the main resources).
 */
public class BlameClassifierModelTest {
    private static List<String> contents() throws IOException {
        List<String> out = new ArrayList<>();
        for (String f : BlameCorpus.FILES) {
            try (InputStream in = BlameClassifierModelTest.class.getResourceAsStream("/lint/" + f)) {
                out.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    @Test
    public void theShippedModelWasTrainedOnTheCurrentCorpus() throws IOException {
        if (Boolean.getBoolean("blameless.retrain")) {
            BlameCorpus.main(new String[]{"src/test/resources/lint", "src/main/resources/io/hindsight/core/lint/blameless"});
            return;
        }
        assertEquals("the corpus or the training recipe changed since the model was made: run this test with -Dblameless.retrain=true",
                BlameCorpus.hash(BlameCorpus.FILES, contents()), BlameCorpus.shippedHash());
    }

    @Test
    public void aModelTrainedNowJudgesLikeTheShippedOne() throws IOException {
        List<String> contents = contents();
        List<BlameCorpus.Sentence> all = new ArrayList<>();
        for (int i = 0; i < BlameCorpus.FILES.size(); i++) all.addAll(BlameCorpus.parse(BlameCorpus.FILES.get(i), contents.get(i)));
        BlameClassifier fresh = BlameCorpus.train(all);
        // written and read back, as the shipped one was
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        fresh.write(bytes);
        BlameClassifier reread = BlameClassifier.read(new ByteArrayInputStream(bytes.toByteArray()));
        BlamelessChecker features = new BlamelessChecker(Set.of(), BlamelessChecker.DEFAULT_BLOCKING_CONFIDENCE, null);
        for (BlameCorpus.Sentence s : all) {
            String[] f = features.features(s.text(), s.section());
            BlameClassifier.Judgement shipped = BlameClassifier.shipped().judge(f);
            assertEquals(s.text(), reread.judge(f).blame(), shipped.blame(), 1e-6);
            assertEquals(s.text(), reread.judge(f).rule(), shipped.rule());
        }
    }

    @Test
    public void theShippedModelFlagsBlameTheRulesHaveNoWordFor() {
        BlamelessChecker checker = new BlamelessChecker(Set.of(), BlamelessChecker.DEFAULT_BLOCKING_CONFIDENCE);
        BlamelessChecker rulesOnly = new BlamelessChecker(Set.of(), BlamelessChecker.DEFAULT_BLOCKING_CONFIDENCE, null);
        String s = "The lesson here is that Ahmed's changes need to go through extra review from now on, because Ahmed keeps breaking things.";
        assertTrue("the rules alone are silent", rulesOnly.check(s, SectionKind.LESSONS_LEARNED).isEmpty());
        List<Blame> found = checker.check(s, SectionKind.LESSONS_LEARNED);
        assertEquals(1, found.size());
        Blame b = found.get(0);
        assertEquals(BlamelessChecker.STATISTICAL, b.rule());
        assertEquals("a statistical judgement never blocks", Blame.Weight.WARNING, b.weight());
        assertTrue("its confidence is the probability, at least the threshold", b.confidence() >= BlamelessChecker.STATISTICAL_THRESHOLD - 0.005);
        assertTrue(b.message(), b.message().contains("statistical"));
        assertTrue("a clean sentence stays clean", checker.check("The replica caught up after the failover finished.", SectionKind.TIMELINE).isEmpty());
    }

    @Test
    public void aRuleWarningIsDroppedWhenTheWholeSentenceReadsCleanToTheModelButAnErrorStays() {
        BlamelessChecker checker = new BlamelessChecker(Set.of(), BlamelessChecker.DEFAULT_BLOCKING_CONFIDENCE);
        BlamelessChecker rulesOnly = new BlamelessChecker(Set.of(), BlamelessChecker.DEFAULT_BLOCKING_CONFIDENCE, null);
        // sentences in no corpus file: a hindsight adverb about data, and "the fault lies with" a driver
        String innocent = "Obviously, p99 is the better signal here, since the mean hardly moved during the incident.";
        assertEquals("a rule warns on its word", List.of("blameless.hindsight"), rulesOnly.check(innocent, SectionKind.ROOT_CAUSE).stream().map(Blame::rule).toList());
        assertTrue("the model reads the sentence as clean", BlameClassifier.shipped().judge(rulesOnly.features(innocent, SectionKind.ROOT_CAUSE)).blame()
                < BlamelessChecker.STATISTICAL_VETO);
        assertEquals("the checker as shipped says nothing", List.of(), checker.check(innocent, SectionKind.ROOT_CAUSE));

        String driver = "The fault lies with the driver: version 12.4 does not reconnect after a node eviction.";
        assertTrue("the model reads this one as clean too", BlameClassifier.shipped().judge(rulesOnly.features(driver, SectionKind.ROOT_CAUSE)).blame()
                < BlamelessChecker.STATISTICAL_VETO);
        List<Blame> kept = checker.check(driver, SectionKind.ROOT_CAUSE);
        assertEquals("but an error is never vetoed: a statistical judgement does not decide whether a post-mortem may be published",
                List.of(Blame.Weight.BLOCKING), kept.stream().map(Blame::weight).toList());
        assertEquals(rulesOnly.check(driver, SectionKind.ROOT_CAUSE), kept);

        List<Blame> blame = checker.check("Tomasz forgot to renew the certificate, obviously.", SectionKind.ROOT_CAUSE);
        assertEquals("blame keeps its rule findings", List.of("blameless.failed-to", "blameless.hindsight"), blame.stream().map(Blame::rule).toList());
    }
}
