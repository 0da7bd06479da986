package com.atlassian.jira.event.type;

/** Stand-in (jira-api): whether and which event an issue update dispatches. */
public interface EventDispatchOption {
    EventDispatchOption DO_NOT_DISPATCH = new Impl(null);
    EventDispatchOption ISSUE_UPDATED = new Impl(EventType.ISSUE_UPDATED_ID);

    boolean isEventBeingSent();

    Long getEventTypeId();

    class Impl implements EventDispatchOption {
        private final Long eventTypeId;

        Impl(Long eventTypeId) {
            this.eventTypeId = eventTypeId;
        }

        @Override
        public boolean isEventBeingSent() {
            return eventTypeId != null;
        }

        @Override
        public Long getEventTypeId() {
            return eventTypeId;
        }
    }
}
