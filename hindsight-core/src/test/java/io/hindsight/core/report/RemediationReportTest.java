package io.hindsight.core.report;

import io.hindsight.core.Examples;
import io.hindsight.core.model.ActionItem;
import io.hindsight.core.model.PostMortem;
import io.hindsight.core.model.RemediationTicket;
import io.hindsight.core.model.IssueKey;
import io.hindsight.core.model.TrackedPostMortem;
import io.hindsight.core.model.SyncState;
import org.junit.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.junit.Assert.assertEquals;

/** The report over the two SEV2 examples: one with every moment recorded, one with only start and end. */
public class RemediationReportTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

    @Test
    public void mediansPerSeverityAndTheStateOfTheActions() {
        PostMortem lag = Examples.read("replication-lag.md").postMortem();
        List<ActionItem> a = lag.actionItems();
        // of its four actions: one done, one open and overdue, one open and not yet due, one never synced
        TrackedPostMortem withTickets = new TrackedPostMortem(key(lag), lag, SyncState.NONE, List.of(
                ticket("OPS-1", a.get(0), LocalDate.of(2026, 11, 20), false),
                ticket("DB-1", a.get(1), LocalDate.of(2027, 1, 21), false),
                ticket("OPS-99", a.get(3), null, true)));
        PostMortem mail = Examples.read("atlassian-handbook.md").postMortem();
        TrackedPostMortem unsynced = new TrackedPostMortem(key(mail), mail, SyncState.NONE, List.of());

        List<ReportRow> rows = RemediationReport.of(List.of(withTickets, unsynced), TODAY);

        assertEquals(List.of("SEV2", "all"), rows.stream().map(ReportRow::group).toList());
        ReportRow sev2 = rows.get(0);
        assertEquals(2, sev2.postMortems());
        assertEquals("only the replication-lag post-mortem records detection", Optional.of(Duration.ofMinutes(9)), sev2.toDetect());
        assertEquals(Optional.of(Duration.ofMinutes(41)), sev2.toMitigate());
        assertEquals("median of 90 and 155 minutes", Optional.of(Duration.ofSeconds(122 * 60 + 30)), sev2.toResolve());
        assertEquals(2, sev2.actionsOpen());
        assertEquals(1, sev2.actionsDone());
        assertEquals(1, sev2.actionsOverdue());
        assertEquals("the lag's bulk-import action and all three mail actions have no ticket", 1 + mail.actionItems().size(), sev2.actionsUntracked());
        assertEquals(sev2.actionsOpen(), rows.get(1).actionsOpen());
    }

    @Test
    public void noPostMortemsGiveOneEmptyRowNotAnError() {
        assertEquals(List.of(new ReportRow("all", 0, Optional.empty(), Optional.empty(), Optional.empty(), 0, 0, 0, 0)),
                RemediationReport.of(List.of(), TODAY));
    }

    private static RemediationTicket ticket(String key, ActionItem a, LocalDate due, boolean done) {
        return new RemediationTicket(key, a.id(), a.summary(), null, due, "High", List.of("postmortem-action"), done);
    }

    /** The post-mortem's own key, or one made up for a file that has none. */
    private static IssueKey key(io.hindsight.core.model.PostMortem pm) {
        return IssueKey.of(pm.key() != null ? pm.key() : "PM-" + (1 + Math.abs(pm.title().hashCode() % 999)));
    }
}
