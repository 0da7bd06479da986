package io.hindsight.core.lint;

import io.hindsight.core.Examples;
import io.hindsight.core.plan.SloPolicyLoader;
import io.hindsight.core.template.TemplateRegistry;
import org.junit.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

public class CheckerTest {
    private final Checker checker = new Checker(TemplateRegistry.builtIn(), SloPolicyLoader.defaults(),
            Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC));

    private LintReport lint(String markdown) {
        return checker.check(Examples.reader().read(markdown, "test.md"));
    }

    private static List<String> rules(LintReport r) {
        return r.findings().stream().map(f -> f.rule() + "@" + f.line()).toList();
    }

    @Test
    public void aWellWrittenPostMortemHasNoErrorsOrWarnings() {
        LintReport r = checker.check(Examples.read("replication-lag.md"));
        assertEquals(0, r.count(Level.ERROR));
        assertEquals(0, r.count(Level.WARNING));
        assertEquals("two actions take their due date from the policy", 2, r.count(Level.INFO));
    }

    @Test
    public void blameIsFoundWithItsLineSectionAndARewrite() {
        LintReport r = lint("""
                ---
                severity: SEV3
                ---
                ## Summary
                Checkout failed for 20 minutes. The intern deleted the
                orders table by mistake.

                ## Root cause
                Human error.
                """);
        Finding person = r.findings().stream().filter(f -> f.rule().equals("blameless.person-as-cause")).findFirst().orElseThrow();
        assertEquals("the sentence starts on line 5", 5, person.line());
        assertEquals("Summary", person.section());
        assertEquals(Level.ERROR, person.level());
        assertTrue(person.suggestion(), person.suggestion().startsWith("'A command deleted the orders table.'"));
        Finding human = r.findings().stream().filter(f -> f.rule().equals("blameless.human-error")).findFirst().orElseThrow();
        assertEquals(9, human.line());
        assertEquals("human error as a root cause is an error", Level.ERROR, human.level());
    }

    @Test
    public void actionabilityFindings() {
        LintReport r = lint("""
                ---
                severity: SEV1
                ---
                ## Action items
                - [ ] Improve monitoring @ana
                - [ ] Be more careful when deploying @bo
                - [ ] Add a canary stage to the deploy pipeline due:2026-10-01
                - [ ] Add canary stage to the deploy pipeline @cy
                - [x] Roll back the bad release @dee due:2026-01-01
                """);
        List<String> rules = rules(r);
        assertTrue(rules.toString(), rules.containsAll(List.of("actionability.vague@5", "actionability.vague@6",
                "actionability.no-owner@7", "actionability.due-in-past@7", "actionability.duplicate@8",
                "actionability.no-priority-action@4")));
        assertFalse("done actions are not chased", rules.stream().anyMatch(x -> x.endsWith("@9") && !x.startsWith("actionability.duplicate")));
        assertTrue(lint("---\nseverity: SEV2\n---\n## Summary\nx\n").findings().stream()
                .anyMatch(f -> f.rule().equals("actionability.no-actions") && f.level() == Level.ERROR));
    }

    @Test
    public void consistencyFindings() {
        LintReport r = lint("""
                ---
                severity: SEV3
                started: 2026-11-02 14:00 UTC
                detected: 2026-11-02 13:50 UTC
                resolved: 2026-11-02 15:00 UTC
                ---
                ## Summary
                The queue backed up.
                ## Timeline
                - 14:00 Queue grows
                - 13:30 Alert fires
                ## Five whys
                1. The consumer stopped.
                ## Action items
                - [ ] Alert when the queue is older than 5 minutes @ana
                """);
        List<String> rules = rules(r);
        assertTrue(rules.toString(), rules.containsAll(List.of("consistency.impossible-times@4", "consistency.timeline-order@11",
                "consistency.shallow-whys@13", "consistency.missing-section@0")));
        Finding missing = r.findings().stream().filter(f -> f.rule().equals("consistency.missing-section")).findFirst().orElseThrow();
        assertTrue(missing.message(), missing.message().contains("'Root cause' is missing; template 'lightweight' requires it for SEV3"));
        assertEquals("the template's guiding question", "What conditions allowed this to happen?", missing.suggestion());
    }

    @Test
    public void aWaiverWithAReasonSilencesOneFindingAndOneWithoutIsReported() {
        String text = """
                ---
                severity: SEV4
                ---
                ## Summary
                <!-- hindsight-ignore blameless.judgement: quoting the customer's ticket verbatim -->
                The ticket said the rollout was careless.
                The rollout was sloppy.
                <!-- hindsight-ignore blameless.* -->
                The change was reckless.
                """;
        List<String> rules = rules(lint(text));
        assertFalse(rules.toString(), rules.contains("blameless.judgement@6"));
        assertTrue(rules.toString(), rules.contains("blameless.judgement@7"));
        assertTrue(rules.toString(), rules.contains("blameless.judgement@9"));
        assertTrue(rules.toString(), rules.contains("consistency.waiver-without-reason@8"));
    }

    @Test
    public void formatProblemsBecomeFindings() {
        LintReport r = lint("## Action items\n- [ ] [asap] Fix it @ana\n");
        Finding f = r.findings().stream().filter(x -> x.rule().equals("actionability.unreadable")).findFirst().orElseThrow();
        assertEquals(2, f.line());
        assertEquals(Level.ERROR, f.level());
        assertTrue(r.hasErrors());
    }

    @Test
    public void peopleNamedInThePostMortemAreRecognisedInLowerCase() {
        LintReport r = lint("""
                ---
                authors: [docbrown]
                ---
                ## Summary
                docbrown broke the load balancer config.
                docbrown receives pager storm.
                """);
        assertEquals(List.of("blameless.person-as-cause@5"), r.inFamily("blameless").stream().map(f -> f.rule() + "@" + f.line()).toList());
    }

    @Test
    public void theLargeSampleIsCleanSoBenchmarksMeasureARealisticCase() {
        LintReport r = checker.check(Examples.reader().read(io.hindsight.core.sample.SamplePostMortems.large(300, 60), "large.md"));
        assertEquals(rules(r).toString(), 0, r.count(Level.ERROR));
        assertEquals(0, r.inFamily("blameless").size());
    }

    @Test
    public void anUnreadableFrontMatterIsOneFindingOnItsLineWithNoFalseOnesAfterIt() {
        LintReport r = lint("""
                ---
                title: Search down
                severity: SEV2
                summary: "the index rebuild
                started: 2026-11-02 14:00 UTC
                ---
                ## Summary
                Search was down.
                ## Action items
                - [ ] Rebuild indexes online @ana due:2027-01-10
                """);
        List<String> rules = rules(r);
        assertTrue("the line that opened the quote: " + rules, rules.contains("consistency.format@4"));
        assertFalse(rules.toString(), rules.stream().anyMatch(x -> x.startsWith("consistency.no-severity")));
        assertFalse(rules.toString(), r.findings().stream().anyMatch(f -> f.message().contains("no title")));
    }

    @Test
    public void textProblemsHaveTheirOwnRulesLevelsAndSuggestions() {
        LintReport r = lint("""
                ---
                severity: P2
                ---
                ## Action items
                - [ ] [priority] Add an alert on replica lag @ana due:2027-01-10
                Also page the DBA team
                - [ ] Add a dashboard for lag @bo deadline:2027-01-20
                - [ ] Add a runbook for failover @cy prio:high
                """);
        Finding stray = r.findings().stream().filter(f -> f.rule().equals("actionability.stray-line")).findFirst().orElseThrow();
        assertEquals(6, stray.line());
        assertEquals(Level.WARNING, stray.level());
        Finding deadline = r.findings().stream().filter(f -> f.rule().equals("actionability.attribute")).findFirst().orElseThrow();
        assertEquals(7, deadline.line());
        assertEquals(Level.WARNING, deadline.level());
        assertEquals("due:2027-01-20", deadline.suggestion());
        assertTrue(rules(r).toString(), rules(r).contains("actionability.unreadable@8"));
        Finding severity = r.findings().stream().filter(f -> f.rule().equals("consistency.format") && f.line() == 2).findFirst().orElseThrow();
        assertEquals(Level.INFO, severity.level());
        assertEquals("severity: SEV2", severity.suggestion());
    }

    @Test
    public void identicalActionsAreFlaggedAsSharingATicket() {
        LintReport r = lint("""
                ---
                severity: SEV3
                ---
                ## Action items
                - [ ] Add a dashboard for replica lag @ana due:2027-01-10
                - [ ] Add a dashboard for replica lag @ana due:2027-01-10
                """);
        Finding dup = r.findings().stream().filter(f -> f.rule().equals("actionability.duplicate")).findFirst().orElseThrow();
        assertEquals(6, dup.line());
        assertTrue(dup.message(), dup.message().contains("one ticket serves both"));
    }
}
