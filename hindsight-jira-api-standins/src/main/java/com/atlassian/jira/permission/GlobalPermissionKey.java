package com.atlassian.jira.permission;

import java.util.Objects;

/** Stand-in (jira-api). */
public final class GlobalPermissionKey {
    public static final GlobalPermissionKey ADMINISTER = new GlobalPermissionKey("ADMINISTER");
    public static final GlobalPermissionKey SYSTEM_ADMIN = new GlobalPermissionKey("SYSTEM_ADMIN");

    private final String key;

    private GlobalPermissionKey(String key) {
        this.key = Objects.requireNonNull(key);
    }

    public String getKey() {
        return key;
    }
}
