package com.atlassian.event.api;

/** Stand-in (atlassian-event). */
public interface EventPublisher {
    void register(Object listener);

    void unregister(Object listener);
}
