package com.atlassian.scheduler;

/** Stand-in (atlassian-scheduler-api). */
public class SchedulerServiceException extends Exception {
    public SchedulerServiceException(String message) {
        super(message);
    }
}
