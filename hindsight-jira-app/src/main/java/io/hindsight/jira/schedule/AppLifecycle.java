package io.hindsight.jira.schedule;

import com.atlassian.event.api.EventPublisher;
import com.atlassian.sal.api.lifecycle.LifecycleAware;
import com.atlassian.scheduler.SchedulerService;
import com.atlassian.scheduler.SchedulerServiceException;
import com.atlassian.scheduler.config.JobConfig;
import com.atlassian.scheduler.config.JobId;
import com.atlassian.scheduler.config.JobRunnerKey;
import com.atlassian.scheduler.config.RunMode;
import com.atlassian.scheduler.config.Schedule;
import io.hindsight.jira.listener.IssueEventListener;
import io.hindsight.jira.provision.Provisioning;

import java.time.Duration;

/**
 * The app's start and stop: registers the issue-event listener and the two scheduled jobs (queue drain
 * every minute, reminders daily; both once per cluster) when Jira has started, and takes all of it away
 * again when the app is disabled or removed. Each start also provisions Jira (idempotently: a second start
 * creates nothing).
 */
public class AppLifecycle implements LifecycleAware {
    public static final JobRunnerKey DRAIN_RUNNER = JobRunnerKey.of("io.hindsight.jira.queue-drain");
    public static final JobId DRAIN_JOB = JobId.of("io.hindsight.jira.queue-drain");
    public static final JobRunnerKey REMINDERS_RUNNER = JobRunnerKey.of("io.hindsight.jira.reminders");
    public static final JobId REMINDERS_JOB = JobId.of("io.hindsight.jira.reminders");
    static final Duration DRAIN_EVERY = Duration.ofMinutes(1);
    static final Duration REMIND_EVERY = Duration.ofDays(1);

    private final EventPublisher events;
    private final SchedulerService scheduler;
    private final IssueEventListener listener;
    private final QueueDrainJob drain;
    private final RemindersJob reminders;
    private final Provisioning provisioning;
    private boolean started;

    public AppLifecycle(EventPublisher events, SchedulerService scheduler, IssueEventListener listener, QueueDrainJob drain,
                        RemindersJob reminders, Provisioning provisioning) {
        this.events = events;
        this.scheduler = scheduler;
        this.listener = listener;
        this.drain = drain;
        this.reminders = reminders;
        this.provisioning = provisioning;
    }

    @Override
    public synchronized void onStart() {
        if (started) return;
        events.register(listener);
        scheduler.registerJobRunner(DRAIN_RUNNER, drain);
        scheduler.registerJobRunner(REMINDERS_RUNNER, reminders);
        try {
            scheduler.scheduleJob(DRAIN_JOB, JobConfig.forJobRunnerKey(DRAIN_RUNNER).withRunMode(RunMode.RUN_ONCE_PER_CLUSTER)
                    .withSchedule(Schedule.forInterval(DRAIN_EVERY.toMillis(), null)));
            scheduler.scheduleJob(REMINDERS_JOB, JobConfig.forJobRunnerKey(REMINDERS_RUNNER).withRunMode(RunMode.RUN_ONCE_PER_CLUSTER)
                    .withSchedule(Schedule.forInterval(REMIND_EVERY.toMillis(), null)));
        } catch (SchedulerServiceException e) {
            throw new IllegalStateException("Hindsight could not schedule its jobs: " + e.getMessage(), e);
        }
        started = true;
        // after the jobs: provisioning reports its own failures on the admin page and never stops the app starting
        provisioning.run();
    }

    @Override
    public synchronized void onStop() {
        if (!started) return;
        scheduler.unscheduleJob(DRAIN_JOB);
        scheduler.unscheduleJob(REMINDERS_JOB);
        scheduler.unregisterJobRunner(DRAIN_RUNNER);
        scheduler.unregisterJobRunner(REMINDERS_RUNNER);
        events.unregister(listener);
        started = false;
    }

    /** Spring calls this when the plugin's context closes (disable, uninstall, upgrade). */
    public void destroy() {
        onStop();
    }
}
