package com.atlassian.scheduler;

/** Stand-in (atlassian-scheduler-api). */
public interface JobRunner {
    JobRunnerResponse runJob(JobRunnerRequest request);
}
