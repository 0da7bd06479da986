package io.hindsight.core.markdown;

import io.hindsight.core.Examples;
import io.hindsight.core.model.ActionItem;
import io.hindsight.core.model.FactorCategory;
import io.hindsight.core.model.PostMortem;
import io.hindsight.core.model.SectionKind;
import io.hindsight.core.model.Severity;
import io.hindsight.core.model.State;
import io.hindsight.core.model.TimelineKind;
import org.junit.Test;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

public class MarkdownReaderTest {
    private static ParsedPostMortem read(String markdown) {
        return Examples.reader().read(markdown, "test.md");
    }

    @Test
    public void readsHindsightsOwnFormat() {
        ParsedPostMortem parsed = Examples.read("replication-lag.md");
        PostMortem pm = parsed.postMortem();
        assertEquals(List.of(), parsed.problems());
        assertEquals("Checkout outage caused by database replication lag", pm.title());
        assertEquals("PM-12", pm.key());
        assertEquals(Severity.SEV2, pm.severity());
        assertEquals(State.IN_REVIEW, pm.state());
        assertEquals(ZonedDateTime.of(2026, 11, 2, 14, 9, 0, 0, ZoneId.of("Europe/Berlin")), pm.times().detected());
        assertEquals(List.of("checkout", "orders-db"), pm.services());
        assertEquals(List.of("priya"), pm.approvers());
        assertEquals(5, pm.fiveWhys().size());
        assertTrue(pm.fiveWhys().get(0).startsWith("Why did checkout fail?"));
        assertEquals(List.of(FactorCategory.MONITORING_GAP, FactorCategory.CAPACITY, FactorCategory.PROCESS),
                pm.contributingFactors().stream().map(f -> f.category()).toList());
        assertEquals(7, pm.timeline().size());
        assertEquals(TimelineKind.DETECTION, pm.timeline().get(2).kind());
        assertEquals(4, pm.actionItems().size());
        ActionItem done = pm.actionItems().get(3);
        assertTrue(done.done());
        assertEquals("OPS-99", done.ticket());
        assertTrue(pm.section(SectionKind.WHERE_WE_GOT_LUCKY).orElseThrow().text().startsWith("The import ran outside"));
    }

    @Test
    public void keepsTheLineOfEveryItem() {
        ParsedPostMortem parsed = Examples.read("replication-lag.md");
        String[] lines = Examples.text("replication-lag.md").split("\n");
        for (int i = 0; i < parsed.postMortem().actionItems().size(); i++) {
            String line = lines[parsed.lines().actionLine(i) - 1];
            assertTrue(line, line.contains(parsed.postMortem().actionItems().get(i).summary()));
        }
        String entry = lines[parsed.lines().timelineLine(4) - 1];
        assertTrue(entry, entry.contains("Database team identifies replica lag"));
    }

    @Test
    public void readsTheGoogleSreBookShape() {
        ParsedPostMortem parsed = Examples.read("google-sre-shakespeare.md");
        PostMortem pm = parsed.postMortem();
        assertEquals("Shakespeare Sonnet++ Postmortem (incident #465)", pm.title());
        assertEquals(List.of("jennifer", "martym", "agoogler"), pm.authors());
        assertEquals("Complete, action items in progress", pm.metadata().get("status"));
        assertTrue(pm.section(SectionKind.ROOT_CAUSE).orElseThrow().text().startsWith("Cascading failure"));
        assertEquals("Resolution", pm.section(SectionKind.RECOVERY).orElseThrow().heading());
        assertTrue("### What went well under ## Lessons Learned", pm.hasContent(SectionKind.WHAT_WENT_WELL));
        assertTrue(pm.hasContent(SectionKind.WHERE_WE_GOT_LUCKY));
        assertEquals(9, pm.actionItems().size());
        ActionItem first = pm.actionItems().get(0);
        assertEquals("jennifer", first.owner());
        assertTrue("**DONE** in the Bug column", first.done());
        assertEquals(List.of("mitigate"), first.labels());
        assertEquals(34, pm.timeline().size());
        assertEquals("the day line dates bare times", ZonedDateTime.of(2015, 10, 21, 14, 51, 0, 0, ZoneOffset.UTC), pm.timeline().get(0).at());
        assertEquals(TimelineKind.START, pm.timeline().get(2).kind());
        assertEquals("**OUTAGE MITIGATED**", TimelineKind.MITIGATION,
                pm.timeline().stream().filter(e -> e.text().contains("OUTAGE MITIGATED")).findFirst().orElseThrow().kind());
        assertFalse(parsed.hasErrors());
    }

    @Test
    public void readsTheAtlassianHandbookShape() {
        PostMortem pm = Examples.read("atlassian-handbook.md").postMortem();
        assertEquals(Severity.SEV2, pm.severity());
        assertEquals("Incident summary", pm.section(SectionKind.SUMMARY).orElseThrow().heading());
        assertEquals("Fault", pm.section(SectionKind.TRIGGER).orElseThrow().heading());
        assertEquals(6, pm.timeline().size());
        assertEquals("table rows", "Queue depth alert fires", pm.timeline().get(2).text());
        assertEquals(3, pm.actionItems().size());
        assertTrue("custom sections are kept", pm.sections().stream().anyMatch(s -> s.heading().equals("Backlog check")));
    }

    @Test
    public void anUnreadableActionIsReportedWithItsLineAndKeptAsText() {
        ParsedPostMortem parsed = read("""
                ---
                title: Cache outage
                ---
                ## Action items
                - [ ] Add a cache warm-up step @ana
                - [ ] [urgent] Page the cache team automatically @bo
                - [ ] Document the cache flush due:soon
                """);
        assertEquals(1, parsed.postMortem().actionItems().size());
        assertEquals(2, parsed.problems().size());
        FormatProblem first = parsed.problems().get(0);
        assertEquals(6, first.line());
        assertTrue(first.error());
        assertTrue(first.message().contains("unknown action class [urgent]"));
        assertEquals(7, parsed.problems().get(1).line());
        String kept = parsed.postMortem().section(SectionKind.ACTION_ITEMS).orElseThrow().text();
        assertTrue(kept.contains("[urgent] Page the cache team automatically @bo"));
        assertTrue(kept.contains("Document the cache flush due:soon"));
    }

    @Test
    public void headingsInsideCodeFencesAreNotSections() {
        PostMortem pm = read("""
                # Queue backlog
                ## Summary
                The runbook says:
                ```
                ## Action items
                - [ ] not an action
                ```
                ## Setext impact
                ----------------
                """).postMortem();
        assertEquals(List.of(), pm.actionItems());
        assertTrue(pm.section(SectionKind.SUMMARY).orElseThrow().text().contains("## Action items"));
        assertEquals("Queue backlog", pm.title());
    }

    @Test
    public void aRepeatedIdIsRefusedAndRepeatedSummariesGetDistinctIds() {
        ParsedPostMortem parsed = read("""
                ## Action items
                - [ ] Rotate keys id:rotate
                - [ ] Rotate keys again id:rotate
                - [ ] Add a dashboard
                - [ ] Add a dashboard
                """);
        List<ActionItem> items = parsed.postMortem().actionItems();
        assertEquals(3, items.size());
        assertEquals(items.get(1).id() + "-2", items.get(2).id());
        assertTrue(parsed.problems().get(0).message().contains("id:rotate is already used on line 2"));
    }

    @Test
    public void badFrontMatterNamesTheLineAndField() {
        ParsedPostMortem parsed = read("""
                ---
                title: Search down
                severity: critical
                started: last tuesday
                ---
                ## Summary
                Search was down.
                """);
        assertEquals(List.of(3, 4), parsed.problems().stream().map(FormatProblem::line).toList());
        assertTrue(parsed.problems().get(0).message().contains("write SEV1, SEV2, SEV3 or SEV4"));
        assertEquals("bad values are kept, not lost", "critical", parsed.postMortem().metadata().get("severity"));

        ParsedPostMortem broken = read("---\ntitle: [unclosed\n---\n");
        assertTrue(broken.problems().get(0).message().contains("not valid YAML"));
        ParsedPostMortem open = read("---\ntitle: x\n## Summary\n");
        assertTrue(open.problems().get(0).message().contains("not closed"));
    }

    @Test
    public void aTimelineEntryWithoutATimeIsReportedAndKept() {
        ParsedPostMortem parsed = read("""
                ---
                started: 2026-11-02 14:00 UTC
                ---
                ## Timeline
                - 14:05 Alert fires
                - then the on-call looks at the dashboards
                """);
        assertEquals(1, parsed.postMortem().timeline().size());
        assertEquals(6, parsed.problems().get(0).line());
        assertTrue(parsed.postMortem().section(SectionKind.TIMELINE).orElseThrow().text().contains("then the on-call"));
    }
}
