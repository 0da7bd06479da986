package io.hindsight.jira.schedule;

import com.atlassian.scheduler.JobRunner;
import com.atlassian.scheduler.JobRunnerRequest;
import com.atlassian.scheduler.JobRunnerResponse;
import io.hindsight.jira.port.ReminderRunner;

/** The daily reminder sweep, scheduled once per cluster. */
public class RemindersJob implements JobRunner {
    private final ReminderRunner reminders;

    public RemindersJob(ReminderRunner reminders) {
        this.reminders = reminders;
    }

    @Override
    public JobRunnerResponse runJob(JobRunnerRequest request) {
        try {
            return JobRunnerResponse.success(reminders.sendReminders());
        } catch (Exception e) {
            return JobRunnerResponse.failed(QueueDrainJob.describe(e));
        }
    }
}
