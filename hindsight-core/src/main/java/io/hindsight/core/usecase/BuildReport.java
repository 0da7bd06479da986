package io.hindsight.core.usecase;

import io.hindsight.core.model.IssueKey;
import io.hindsight.core.model.PostMortem;
import io.hindsight.core.model.RemediationTicket;
import io.hindsight.core.model.SyncState;
import io.hindsight.core.model.TrackedPostMortem;
import io.hindsight.core.port.Filters;
import io.hindsight.core.port.PostMortemStore;
import io.hindsight.core.port.TicketTracker;
import io.hindsight.core.report.RemediationReport;
import io.hindsight.core.report.ReportData;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The remediation report over the post-mortems a filter finds: read in a few searches (the post-mortems
 * with their fields, then their tickets a batch at a time), not two reads apiece.
 */
public final class BuildReport {
    /** Told after each batch of post-mortems a long run has dealt with. */
    public interface Progress {
        void step(int done, int total, String key);

        Progress NONE = (done, total, key) -> { };
    }

    /** How many post-mortems' tickets are asked for at once; progress is told after each batch. */
    static final int BATCH = 50;

    private final PostMortemStore store;
    private final TicketTracker tracker;
    private final Clock clock;

    public BuildReport(PostMortemStore store, TicketTracker tracker, Clock clock) {
        this.store = store;
        this.tracker = tracker;
        this.clock = clock;
    }

    /**
     * @param jql narrows the post-mortems (no ORDER BY: {@link Filters#checked}); null for all
     * @throws IllegalArgumentException when the filter cannot be used
     */
    public ReportData build(String jql, int limit, Progress progress) {
        return RemediationReport.data(postMortems(jql, limit, progress), LocalDate.now(clock));
    }

    public ReportData build(String jql, int limit) {
        return build(jql, limit, Progress.NONE);
    }

    /** Every post-mortem the filter finds with its remediation tickets; Hindsight's sync state is not read. */
    public List<TrackedPostMortem> postMortems(String jql, int limit, Progress progress) {
        List<PostMortem> pms = store.find(Filters.checked(jql), limit);
        List<TrackedPostMortem> all = new ArrayList<>();
        for (int from = 0; from < pms.size(); from += BATCH) {
            List<PostMortem> batch = pms.subList(from, Math.min(pms.size(), from + BATCH));
            List<IssueKey> keys = batch.stream().map(pm -> IssueKey.of(pm.key())).toList();
            Map<IssueKey, List<RemediationTicket>> tickets = tracker.tickets(keys);
            for (int i = 0; i < batch.size(); i++) {
                all.add(new TrackedPostMortem(keys.get(i), batch.get(i), SyncState.NONE, tickets.getOrDefault(keys.get(i), List.of())));
            }
            progress.step(from + batch.size(), pms.size(), keys.get(keys.size() - 1).value());
        }
        return all;
    }
}
