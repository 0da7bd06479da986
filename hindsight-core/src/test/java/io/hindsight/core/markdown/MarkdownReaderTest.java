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
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

public class MarkdownReaderTest {
    private static ParsedPostMortem read(String markdown) {
        return Examples.reader().read(markdown, "test.md");
    }

    /** The problems, but for the "no title" that short examples without a title have. */
    private static List<FormatProblem> problems(ParsedPostMortem parsed) {
        return parsed.problems().stream().filter(p -> !p.field().equals("title")).toList();
    }

    @Test
    public void readsHindsightsOwnFormat() {
        ParsedPostMortem parsed = Examples.read("replication-lag.md");
        PostMortem pm = parsed.postMortem();
        assertEquals(List.of(), parsed.problems());
        assertEquals("Checkout outage caused by database replication lag", pm.title());
        assertNull("the example names no issue: published anywhere, it becomes a new post-mortem", pm.key());
        assertEquals("PM-12", Examples.asPublished("replication-lag.md", "PM-12").postMortem().key());
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
        assertNull("the example names no ticket of any site", done.ticket());
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
    public void aRepeatedIdIsRefusedAndRepeatedSummariesWithOtherDetailsGetDistinctIds() {
        ParsedPostMortem parsed = read("""
                ## Action items
                - [ ] Rotate keys id:rotate
                - [ ] Rotate keys again id:rotate
                - [ ] Add a dashboard @ana
                - [ ] Add a dashboard @bo
                """);
        List<ActionItem> items = parsed.postMortem().actionItems();
        assertEquals(3, items.size());
        assertEquals("same words, other owner: two actions", items.get(1).id() + "-2", items.get(2).id());
        assertTrue(parsed.problems().get(0).message().contains("id:rotate is already used on line 2"));
    }

    @Test
    public void identicalActionLinesAreOneActionWrittenTwice() {
        ParsedPostMortem parsed = read("""
                ## Action items
                - [ ] Add a dashboard for replica lag @ana
                - [ ] Rotate keys id:rotate
                - [ ] add a dashboard for replica lag.  @ana
                - [ ] Rotate keys id:rotate
                """);
        List<ActionItem> items = parsed.postMortem().actionItems();
        assertEquals("both lines stay on the page", 4, items.size());
        assertEquals(items.get(0).id(), items.get(2).id());
        assertEquals("an identical line may repeat its explicit id", "rotate", items.get(3).id());
        assertEquals(List.of(), problems(parsed));
    }

    @Test
    public void anUnclosedCommentIsAFormatErrorAndTheRestOfTheDocumentIsStillRead() {
        ParsedPostMortem parsed = read("""
                ---
                title: Search down
                severity: SEV2
                ---
                ## Summary
                Search was down for 20 minutes.
                <!-- TODO: ask the DBA team about the
                ## Timeline
                - 2026-11-02 14:00 UTC [start] Index rebuild starts
                ## Root cause
                The rebuild held a lock.
                ## Action items
                - [ ] Rebuild indexes online @ana
                """);
        FormatProblem unclosed = parsed.problems().stream().filter(p -> p.message().contains("<!--")).findFirst().orElseThrow();
        assertEquals(7, unclosed.line());
        assertTrue(unclosed.error());
        assertTrue(unclosed.message(), unclosed.message().contains("-->"));
        PostMortem pm = parsed.postMortem();
        assertEquals(1, pm.timeline().size());
        assertEquals("The rebuild held a lock.", pm.section(SectionKind.ROOT_CAUSE).orElseThrow().text());
        assertEquals(1, pm.actionItems().size());
        assertTrue("the comment's own line is kept", pm.section(SectionKind.SUMMARY).orElseThrow().text().contains("<!-- TODO: ask the DBA team"));
        assertEquals(13, parsed.lines().actionLine(0));
    }

    @Test
    public void anUnclosedCodeFenceThatHidesSectionsIsAFormatError() {
        ParsedPostMortem parsed = read("""
                ## Summary
                The runbook said:
                ```
                kubectl rollout undo deploy/search
                ## Action items
                - [ ] Add a rollback button @ana
                """);
        assertEquals(List.of(3), problems(parsed).stream().filter(FormatProblem::error).map(FormatProblem::line).toList());
        assertEquals(1, parsed.postMortem().actionItems().size());
    }

    @Test
    public void commentedOutActionsAreNotTicketedButKept() {
        ParsedPostMortem parsed = read("""
                ## Action items
                - [ ] Add an alert on replica lag @ana
                <!-- dropped in review:
                - [ ] Buy bigger disks @bo
                -->
                - [ ] Retrain the model on new traffic @cy <!-- hindsight-ignore blameless.punitive: a machine-learning model -->
                """);
        List<ActionItem> items = parsed.postMortem().actionItems();
        assertEquals(List.of("Add an alert on replica lag", "Retrain the model on new traffic"), items.stream().map(ActionItem::summary).toList());
        assertEquals("cy", items.get(1).owner());
        String kept = parsed.postMortem().section(SectionKind.ACTION_ITEMS).orElseThrow().text();
        assertTrue(kept, kept.contains("- [ ] Buy bigger disks @bo"));
        assertEquals("the waiver belongs to its action, so it stays on the action's line wherever the action is written (a file, a Jira field)",
                "<!-- hindsight-ignore blameless.punitive: a machine-learning model -->", items.get(1).note());
        assertTrue(new MarkdownWriter().write(parsed.postMortem()).contains("@cy <!-- hindsight-ignore blameless.punitive: a machine-learning model -->\n"));
        assertFalse("and is not also kept as text of the section", kept.contains("hindsight-ignore"));
        assertEquals(List.of(), problems(parsed));
    }

    @Test
    public void aStrayLineInTheActionListIsAFindingWithItsLineAndKeptAsText() {
        ParsedPostMortem parsed = read("""
                ## Action items
                We agreed on these in the review.

                - [ ] Add an alert on replica lag @ana
                Also page the DBA team
                - [ ] Add a dashboard @bo
                """);
        List<ActionItem> items = parsed.postMortem().actionItems();
        assertEquals(List.of("Add an alert on replica lag", "Add a dashboard"), items.stream().map(ActionItem::summary).toList());
        assertEquals("the introduction is prose, not stray", 1, problems(parsed).size());
        FormatProblem stray = problems(parsed).get(0);
        assertEquals(5, stray.line());
        assertEquals(FormatProblem.Level.WARNING, stray.level());
        assertTrue(stray.message(), stray.message().contains("Also page the DBA team") && stray.message().contains("line 4"));
        assertTrue(stray.suggestion(), stray.suggestion().contains("indent"));
        String kept = parsed.postMortem().section(SectionKind.ACTION_ITEMS).orElseThrow().text();
        assertTrue(kept, kept.contains("Also page the DBA team"));
    }

    @Test
    public void pointsNestedUnderAnActionAreDetailsNotActions() {
        ParsedPostMortem parsed = read("""
                ## Action items
                - [ ] Replace the proxy with pgbouncer @maria
                  - evaluate odyssey too
                  - [ ] Load-test pgbouncer with k6 @lee
                """);
        assertEquals(List.of("Replace the proxy with pgbouncer", "Load-test pgbouncer with k6"),
                parsed.postMortem().actionItems().stream().map(ActionItem::summary).toList());
        FormatProblem nested = problems(parsed).get(0);
        assertEquals(3, nested.line());
        assertEquals(FormatProblem.Kind.STRAY_LINE, nested.kind());
        assertTrue(parsed.postMortem().section(SectionKind.ACTION_ITEMS).orElseThrow().text().contains("evaluate odyssey too"));
    }

    @Test
    public void anIndentedLineContinuesTheActionAbove() {
        ParsedPostMortem parsed = read("""
                ## Action items
                - [ ] [priority] Alert when replica lag stays above 60 s for five
                      minutes, paging the database on-call @maria due:2026-12-20
                - [ ] Add a dashboard @bo
                """);
        List<ActionItem> items = parsed.postMortem().actionItems();
        assertEquals(2, items.size());
        assertEquals("Alert when replica lag stays above 60 s for five minutes, paging the database on-call", items.get(0).summary());
        assertEquals("maria", items.get(0).owner());
        assertEquals(java.time.LocalDate.of(2026, 12, 20), items.get(0).due());
        assertEquals(2, parsed.lines().actionLine(0));
        assertEquals(List.of(), problems(parsed));
    }

    @Test
    public void controlCharactersAreRemovedWithAFindingOnTheirLine() {
        ParsedPostMortem parsed = read("---\ntitle: Disk\u0007 full\n---\n## Action items\n"
                + "- [ ] Clean up \u001b[31mold\u001b[0m logs\u0000 nightly @ana\n- [ ] Rotate\tlogs hourly @bo\n");
        PostMortem pm = parsed.postMortem();
        assertEquals("Disk full", pm.title());
        assertEquals("Clean up old logs nightly", pm.actionItems().get(0).summary());
        assertEquals("a tab is white space, not junk", "Rotate logs hourly", pm.actionItems().get(1).summary());
        assertEquals(List.of(2, 5), parsed.problems().stream().map(FormatProblem::line).toList());
        assertTrue(parsed.problems().get(1).message(), parsed.problems().get(1).message().contains("U+001B"));
        assertEquals(FormatProblem.Level.WARNING, parsed.problems().get(1).level());
    }

    @Test
    public void aByteOrderMarkDoesNotHideTheFrontMatter() {
        ParsedPostMortem parsed = read("\uFEFF---\ntitle: Disk full\nseverity: SEV3\n---\n## Summary\nx\n");
        assertEquals("Disk full", parsed.postMortem().title());
        assertEquals(Severity.SEV3, parsed.postMortem().severity());
    }

    @Test
    public void aYamlErrorNamesItsLineInTheFileAndNoFalseFindingsFollow() {
        ParsedPostMortem unclosedList = read("""
                ---
                title: Search down
                severity: SEV2
                services: [search, index
                started: 2026-11-02 14:00 UTC
                ---
                ## Summary
                x
                """);
        assertEquals(1, unclosedList.problems().size());
        FormatProblem p = unclosedList.problems().get(0);
        assertEquals("the line that opened the list", 4, p.line());
        assertFalse("no YAML-relative line numbers in the message", p.message().contains("'reader'"));
        assertEquals(4, read("---\ntitle: x\nseverity: SEV2\n\ttab: x\n---\n").problems().get(0).line());
        assertEquals(6, read("---\ntitle: x\nseverity: SEV2\nauthors:\n  - ana\n - bo\n---\n").problems().get(0).line());
        assertEquals(2, read("---\ntitle: Search: down: now\n---\n").problems().get(0).line());
    }

    @Test
    public void aKeySetTwiceInTheFrontMatterIsNamed() {
        ParsedPostMortem parsed = read("---\ntitle: Search down\nseverity: SEV2\ntitle: Search was down\n---\n");
        assertEquals(1, parsed.problems().size());
        assertEquals(4, parsed.problems().get(0).line());
        assertTrue(parsed.problems().get(0).message(), parsed.problems().get(0).message().contains("line 2"));
    }

    @Test
    public void severityFormsAreReadAndMappedOnesAreNoted() {
        for (String form : List.of("SEV2", "sev2", "SEV-2", "Sev 2", "sev_2", "severity 2")) {
            ParsedPostMortem p = read("---\ntitle: Search down\nseverity: " + form + "\n---\n");
            assertEquals(form, Severity.SEV2, p.postMortem().severity());
            assertEquals(form, List.of(), p.problems());
        }
        for (String form : List.of("P2", "p-2", "2")) {
            ParsedPostMortem p = read("---\ntitle: Search down\nseverity: " + form + "\n---\n");
            assertEquals(form, Severity.SEV2, p.postMortem().severity());
            assertEquals(form, 1, p.problems().size());
            assertEquals(FormatProblem.Level.INFO, p.problems().get(0).level());
            assertTrue(p.problems().get(0).message(), p.problems().get(0).message().contains("read as SEV2"));
        }
        for (String form : List.of("SEV0", "SEV5", "critical", "high")) {
            ParsedPostMortem p = read("---\ntitle: Search down\nseverity: " + form + "\n---\n");
            assertEquals(form, null, p.postMortem().severity());
            assertTrue(form, p.hasErrors());
        }
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
