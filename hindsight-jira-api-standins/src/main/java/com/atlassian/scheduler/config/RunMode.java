package com.atlassian.scheduler.config;

/** Stand-in (atlassian-scheduler-api). */
public enum RunMode {
    RUN_ONCE_PER_CLUSTER, RUN_LOCALLY
}
