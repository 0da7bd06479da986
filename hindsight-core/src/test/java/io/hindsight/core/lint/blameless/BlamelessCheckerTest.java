package io.hindsight.core.lint.blameless;

import io.hindsight.core.lint.Checker;
import io.hindsight.core.lint.Finding;
import io.hindsight.core.lint.Level;
import io.hindsight.core.lint.TextUnit;
import io.hindsight.core.markdown.MarkdownReader;
import io.hindsight.core.markdown.ParsedPostMortem;
import io.hindsight.core.model.SectionKind;
import io.hindsight.core.sample.SamplePostMortems;
import org.junit.Test;

import java.util.List;
import java.util.Set;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

public class BlamelessCheckerTest {
    private final BlamelessChecker checker = new BlamelessChecker(Set.of(), 0.8);

    private List<Finding> check(String sentence, SectionKind kind) {
        return Checker.findings(checker, new TextUnit(sentence, kind, kind.heading(), 7, kind == SectionKind.ACTION_ITEMS));
    }

    private List<String> rules(String sentence) {
        return check(sentence, SectionKind.SUMMARY).stream().map(Finding::rule).toList();
    }

    @Test
    public void twoProblemsInOneSentenceGiveTwoFindings() {
        List<Finding> f = check("Kwame carelessly wiped the cache cluster.", SectionKind.SUMMARY);
        assertEquals(List.of("blameless.person-as-cause", "blameless.judgement"), f.stream().map(Finding::rule).toList());
        assertEquals("carelessly", f.get(1).excerpt());
        assertTrue(f.stream().allMatch(x -> x.line() == 7 && x.section().equals("Summary")));
    }

    @Test
    public void aConfidentFindingBlocksAndAnUnsureOneWarns() {
        Finding sure = check("Tomasz broke the checkout flow.", SectionKind.SUMMARY).get(0);
        assertEquals(Level.ERROR, sure.level());
        assertTrue(sure.confidence() + "", sure.confidence() >= 0.8);
        // "Priya's change" pins the outage on Priya less directly than "Priya broke it"
        Finding unsure = check("Priya's change caused the outage.", SectionKind.SUMMARY).get(0);
        assertEquals("blameless.person-as-cause", unsure.rule());
        assertEquals(Level.WARNING, unsure.level());
        assertTrue(unsure.confidence() + "", unsure.confidence() < 0.8);
    }

    @Test
    public void theBlockingConfidenceIsTheTeamsChoice() {
        BlamelessChecker strict = new BlamelessChecker(Set.of(), 0.5);
        BlamelessChecker lenient = new BlamelessChecker(Set.of(), 1.0);
        TextUnit unit = new TextUnit("Priya's change caused the outage.", SectionKind.SUMMARY, "Summary", 1, false);
        assertEquals(Level.ERROR, Checker.findings(strict, unit).get(0).level());
        TextUnit sure = new TextUnit("Tomasz broke the checkout flow.", SectionKind.SUMMARY, "Summary", 1, false);
        assertEquals(Level.WARNING, Checker.findings(lenient, sure).get(0).level());
    }

    @Test
    public void theAgentDecidesNotTheVerb() {
        assertEquals(List.of("blameless.failed-to"), rules("Oluwaseun forgot to renew the certificate."));
        assertEquals(List.of(), rules("The renewal job forgot to renew the certificate."));
        assertEquals(List.of("blameless.failed-to"), rules("The release engineer failed to verify the canary."));
        assertEquals(List.of(), rules("The health check failed to respond within the timeout."));
        assertEquals(List.of("blameless.person-as-cause"), rules("The platform team broke the build pipeline."));
        assertEquals(List.of(), rules("The deploy pipeline broke the build."));
        assertEquals(List.of("blameless.counterfactual"), rules("the on-call should've paged the DBA sooner."));
        assertEquals(List.of(), rules("The canary should have caught the regression, but it only sent reads."));
        assertEquals("a Kubernetes operator is software", List.of(), rules("The Postgres operator failed to promote the replica."));
        assertEquals(List.of("blameless.failed-to"), rules("The operator forgot to drain the node."));
    }

    @Test
    public void ordinaryActionsBlameOnlyWithHarm() {
        assertEquals(List.of(), rules("Ngozi dropped the old index after confirming no queries used it."));
        assertEquals(List.of("blameless.person-as-cause"), rules("Ngozi dropped the orders table by mistake."));
        assertEquals(List.of("blameless.person-as-cause"), rules("An intern deleted the production bucket."));
    }

    @Test
    public void misspellingsAndLowerCaseStartsAreRead() {
        assertEquals(List.of("blameless.human-error"), rules("human erorr during the certificate rotation."));
        assertEquals(List.of("blameless.counterfactual"), rules("Mahmoud shoud have waited for the canary."));
        assertEquals(List.of("blameless.failed-to"), rules("thandiwe failed to follow the change process."));
        assertEquals(List.of("blameless.judgement"), rules("Keoni was careles with the credentials."));
    }

    @Test
    public void quotedOrRejectedBlameIsNotBlame() {
        assertEquals(List.of(), rules("We removed the phrase 'human error' from the root cause."));
        assertEquals(List.of(), rules("Instead of writing that Tomasz forgot to renew the certificate, we describe the missing alert."));
        assertEquals(List.of(), rules("Rather than saying the on-call should have noticed, we asked why the alert did not page."));
        assertEquals(List.of(), rules("The root cause is not `operator error`: the tool accepted an invalid target."));
        assertEquals(List.of(), rules("Early chat messages called it ‘human error’, but the investigation found a missing guard."));
        assertEquals("the same words unquoted are blame", List.of("blameless.human-error"), rules("It was human error."));
    }

    @Test
    public void sanctionsOnPeopleAreNotOperationsOnSystems() {
        assertEquals(List.of("blameless.punitive"), check("Remove Tomasz from the on-call rotation.", SectionKind.ACTION_ITEMS).stream().map(Finding::rule).toList());
        assertEquals(List.of("blameless.punitive"), check("Nkechi's production access has been revoked.", SectionKind.ACTION_ITEMS).stream().map(Finding::rule).toList());
        assertEquals(List.of(), check("Remove the node from the load balancer rotation.", SectionKind.ACTION_ITEMS));
        assertEquals(List.of(), check("Retrain the fraud model on last month's data.", SectionKind.ACTION_ITEMS));
        assertEquals(List.of(), check("Terminate the old instances once the new group is healthy.", SectionKind.ACTION_ITEMS));
    }

    @Test
    public void humanErrorIsAnErrorOnlyWhereItIsGivenAsTheCause() {
        assertEquals(Level.ERROR, check("The outage was caused by human error.", SectionKind.ROOT_CAUSE).get(0).level());
        assertEquals(Level.WARNING, check("The outage was caused by human error.", SectionKind.SUMMARY).get(0).level());
        assertEquals("designing for it is fine", List.of(), rules("The console should be resilient to human error."));
    }

    @Test
    public void namesThePostMortemListsArePeopleInAnyCase() {
        BlamelessChecker knowing = new BlamelessChecker(Set.of("@docbrown"), 0.8);
        List<Finding> f = Checker.findings(knowing, new TextUnit("docbrown broke the load balancer config.", SectionKind.SUMMARY, "Summary", 1, false));
        assertEquals(List.of("blameless.person-as-cause"), f.stream().map(Finding::rule).toList());
        assertEquals(Level.ERROR, f.get(0).level());
    }

    /** The cheap screen is what keeps a long post-mortem fast: the sample's prose must almost all skip the tagger. */
    @Test
    public void theScreenLetsFewSentencesOfARealisticPostMortemThrough() {
        ParsedPostMortem parsed = new MarkdownReader(Set.of("priority", "improvement")).read(SamplePostMortems.large(300, 60), "large.md");
        Lexicon lex = Lexicon.get();
        Words words = new Words(lex, Typos.targets(lex));
        Screen screen = new Screen(lex);
        int all = 0;
        List<String> through = new java.util.ArrayList<>();
        for (TextUnit u : io.hindsight.core.lint.LintUnits.of(parsed)) {
            all++;
            if (screen.worthALook(words.tokens(u.text()))) through.add(u.text());
        }
        assertTrue("sentences: " + all, all > 350);
        System.out.println(through.size() + " of " + all + " sentences of the large sample pass the screen");
        assertTrue(through.size() + " of " + all + " sentences pass the screen: " + through, through.size() * 20 < all);
    }

    /** The screen only saves time: every sentence the full reading flags, in every corpus, it lets through. */
    @Test
    public void theScreenLosesNoFinding() throws java.io.IOException {
        List<String> lost = new java.util.ArrayList<>();
        int flagged = 0;
        for (String corpus : List.of("/lint/corpus/dev.tsv", "/lint/corpus/test.tsv", "/lint/corpus/blind.tsv")) {
            for (BlamelessEvaluationTest.Example e : BlamelessEvaluationTest.corpus(corpus)) {
                List<BlamelessChecker.Found> full = checker.analyse(e.sentence(), e.section(), false);
                if (full.isEmpty()) continue;
                flagged++;
                if (checker.analyse(e.sentence(), e.section(), true).size() != full.size()) lost.add(e.sentence());
            }
        }
        assertTrue("flagged in full: " + flagged, flagged > 250);
        assertEquals("findings the screen dropped", List.of(), lost);
    }
}
