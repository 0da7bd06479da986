package com.atlassian.sal.api.lifecycle;

/** Stand-in (SAL): called once the plugin system has started, and when the plugin stops. */
public interface LifecycleAware {
    void onStart();

    void onStop();
}
