package com.atlassian.scheduler.config;

import java.util.Objects;

/** Stand-in (atlassian-scheduler-api). */
public final class JobId {
    private final String id;

    private JobId(String id) {
        this.id = Objects.requireNonNull(id);
    }

    public static JobId of(String id) {
        return new JobId(id);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JobId other && other.id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return id;
    }
}
