package com.atlassian.scheduler.status;

/** Stand-in (atlassian-scheduler-api). */
public enum RunOutcome {
    SUCCESS, UNAVAILABLE, ABORTED, FAILED
}
