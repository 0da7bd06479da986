package io.hindsight.jira.pending;

import io.hindsight.core.markdown.ParsedPostMortem;
import io.hindsight.core.model.PostMortem;
import io.hindsight.core.report.ReportData;
import io.hindsight.jira.port.PostMortemDrafts;
import io.hindsight.jira.port.PostMortemSource;
import io.hindsight.jira.port.ReminderRunner;
import io.hindsight.jira.port.ReportSource;
import io.hindsight.jira.port.SyncRunner;

import java.util.Optional;

/**
 * NOT DONE: the ports whose Jira implementation comes with the core's use-case layer (issue #10: the
 * post-mortem store, SyncPostMortem, SendReminders, BuildReport). Until then each says so plainly, so a
 * sync job dead-letters with this message, the report page shows it, and the review gate stays shut
 * rather than passing unchecked. Phase 2 replaces this class in the Spring context and deletes it.
 */
public final class NotConnectedYet implements PostMortemSource, SyncRunner, ReminderRunner, ReportSource, PostMortemDrafts {
    public static final String MESSAGE = "this build of Hindsight's Jira app is not yet connected to Jira's issues (phase 2 of the app)";

    @Override
    public Optional<ParsedPostMortem> read(String issueKey) {
        throw new IllegalStateException(MESSAGE);
    }

    @Override
    public void sync(String postMortemKey) {
        throw new IllegalStateException(MESSAGE);
    }

    @Override
    public String sendReminders() {
        throw new IllegalStateException(MESSAGE);
    }

    @Override
    public ReportData report() {
        throw new IllegalStateException(MESSAGE);
    }

    @Override
    public String create(String incidentKey, PostMortem draft) {
        throw new IllegalStateException(MESSAGE);
    }
}
