package com.atlassian.jira.security.plugin;

import java.util.Objects;

/** Stand-in (jira-api). */
public final class ProjectPermissionKey {
    private final String key;

    public ProjectPermissionKey(String key) {
        this.key = Objects.requireNonNull(key);
    }

    public String permissionKey() {
        return key;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProjectPermissionKey other && other.key.equals(key);
    }

    @Override
    public int hashCode() {
        return key.hashCode();
    }
}
