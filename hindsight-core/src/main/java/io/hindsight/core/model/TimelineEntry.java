package io.hindsight.core.model;

import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of the timeline.
 *
 * @param when the time as the author wrote it ("14:02", "2026-11-02 14:02 UTC"), kept for display
 * @param at   that time resolved against the incident's date and zone, when it can be
 * @param kind optional marker for start, detection, mitigation, resolution
 * @param text what happened
 */
public record TimelineEntry(String when, ZonedDateTime at, TimelineKind kind, String text) {
    public TimelineEntry {
        when = Objects.requireNonNull(when, "when").strip();
        text = Objects.requireNonNull(text, "text").strip();
    }

    public Optional<ZonedDateTime> resolvedTime() {
        return Optional.ofNullable(at);
    }

    public Optional<TimelineKind> marker() {
        return Optional.ofNullable(kind);
    }
}
