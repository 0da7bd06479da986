package com.atlassian.scheduler;

import com.atlassian.scheduler.config.JobId;

import java.util.Date;

/** Stand-in (atlassian-scheduler-api). */
public interface JobRunnerRequest {
    Date getStartTime();

    JobId getJobId();

    boolean isCancellationRequested();
}
