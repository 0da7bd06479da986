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
 * The app's start and stop on one node: registers the issue-event listener and this node's job runners, and
 * (re)schedules the two cluster jobs (queue drain every minute, reminders daily; both once per cluster) when
 * Jira has started. Stopping takes away only what belongs to this node. Each start also provisions Jira
 * (idempotently: a second start creates nothing).
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

    /**
     * Takes this node out of the work; the cluster's schedule stays. The plugin's Spring context closes on
     * every node that shuts down or restarts, not only when an admin disables or uninstalls the app, and
     * nothing this bean is given can tell those apart. A job scheduled with {@code RUN_ONCE_PER_CLUSTER} is
     * one cluster-wide record: unscheduling it here would stop the queue drain and the reminders on every
     * other node too. atlassian-scheduler's own contract is what makes keeping it safe: a plugin "should
     * register the JobRunner at startup/plugin enabled, and unregister the JobRunner when the plugin is
     * disabled" (JobRunner javadoc, atlassian-scheduler 2.0), and a node cannot run a job whose runner it has
     * not registered (the scheduler records such a run as RunOutcome.UNAVAILABLE). So unregistering the
     * runners stops this node, the other nodes keep draining, and when the app is disabled everywhere no
     * node runs the jobs. The next start's {@code scheduleJob} replaces the record under the same id, so
     * schedules never pile up. Left behind after an uninstall: two job records whose runs Jira's scheduled
     * jobs page lists as unavailable (the README's admin section says so).
     */
    @Override
    public synchronized void onStop() {
        if (!started) return;
        scheduler.unregisterJobRunner(DRAIN_RUNNER);
        scheduler.unregisterJobRunner(REMINDERS_RUNNER);
        events.unregister(listener);
        started = false;
    }

    /** Spring calls this when the plugin's context closes (node shutdown, disable, uninstall, upgrade). */
    public void destroy() {
        onStop();
    }
}
