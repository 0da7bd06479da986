package io.hindsight.core.lint;

import io.hindsight.core.Examples;
import io.hindsight.core.plan.SloPolicy;
import io.hindsight.core.plan.SloPolicyException;
import io.hindsight.core.plan.SloPolicyLoader;
import io.hindsight.core.template.TemplateRegistry;
import org.junit.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/** A team decides in its policy file how sure the blameless checker must be before a finding blocks publishing. */
public class BlockingConfidenceTest {
    private static final String CLASSES = "classes:\n  priority:\n    default: 4w\n";
    private static final String TEXT = """
            ---
            severity: SEV3
            ---
            ## Summary
            Priya's change caused the outage.
            """;

    private static LintReport lint(SloPolicy policy) {
        Checker checker = new Checker(TemplateRegistry.builtIn(), policy, Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC));
        return checker.check(Examples.reader().read(TEXT, "pm.md"));
    }

    private static Finding blame(LintReport r) {
        return r.inFamily("blameless").get(0);
    }

    @Test
    public void theDefaultPolicyBlocksOnlyConfidentFindings() {
        assertEquals(0.8, SloPolicyLoader.defaults().blockingConfidence(), 0);
        Finding f = blame(lint(SloPolicyLoader.defaults()));
        assertEquals("blameless.person-as-cause", f.rule());
        assertTrue(f.confidence() < 0.8);
        assertEquals(Level.WARNING, f.level());
    }

    @Test
    public void aStricterTeamLowersTheBar() {
        SloPolicy strict = SloPolicyLoader.parse(CLASSES + "blockingConfidence: 0.5\n", "slo.yaml");
        assertEquals(Level.ERROR, blame(lint(strict)).level());
    }

    @Test
    public void aPolicyWithoutTheKeyKeepsTheDefault() {
        assertEquals(SloPolicy.DEFAULT_BLOCKING_CONFIDENCE, SloPolicyLoader.parse(CLASSES, "slo.yaml").blockingConfidence(), 0);
        assertEquals(Level.WARNING, blame(lint(SloPolicyLoader.parse(CLASSES, "slo.yaml"))).level());
    }

    @Test
    public void aConfidenceOutsideZeroToOneIsRejectedWithTheFileAndKey() {
        try {
            SloPolicyLoader.parse(CLASSES + "blockingConfidence: 1.5\n", "team-slo.yaml");
            fail("1.5 accepted");
        } catch (SloPolicyException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("team-slo.yaml: blockingConfidence 1.5 must be a number from 0 to 1"));
        }
    }
}
