package io.hindsight.core.usecase;

import io.hindsight.core.fake.InMemorySite;
import io.hindsight.core.model.IssueKey;
import io.hindsight.core.report.ReportData;
import org.junit.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

/** The report over many post-mortems: read a batch at a time, with progress, every ticket placed. */
public class BuildReportTest {
    @Test
    public void manyPostMortemsAreReadInBatchesWithTheirTickets() {
        InMemorySite site = new InMemorySite("2026-11-26T12:00:00Z");
        List<IssueKey> keys = new ArrayList<>();
        for (int i = 0; i < 120; i++) keys.add(site.postMortem(SyncPostMortemTest.postMortem(1 + i % 3)));
        for (IssueKey k : keys.subList(0, 10)) site.sync().sync(k);
        site.resetCounts();
        List<String> progress = new ArrayList<>();
        ReportData data = site.report().build(null, 1000, (done, total, key) -> progress.add(done + "/" + total + " " + key));
        assertEquals("one read for the post-mortems, one per batch of 50 for their tickets", 4, site.jira.reads());
        assertEquals(List.of("50/120 PM-50", "100/120 PM-100", "120/120 PM-120"), progress);
        assertEquals(120, data.postMortems().size());
        var all = data.rows().get(data.rows().size() - 1);
        assertEquals("all", all.group());
        assertEquals("the synced ten have their tickets (1, 2 or 3 actions each); the rest are not ticketed yet", 19, all.actionsOpen());
        assertTrue(all.actionsUntracked() > 0);
    }

    @Test
    public void aFilterThatSortsIsRefusedBeforeAnythingIsRead() {
        InMemorySite site = new InMemorySite("2026-11-26T12:00:00Z");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> site.report().build("project = PM ORDER BY created", 10));
        assertTrue(e.getMessage(), e.getMessage().contains("must not have ORDER BY"));
        assertEquals(0, site.jira.reads());
    }
}
