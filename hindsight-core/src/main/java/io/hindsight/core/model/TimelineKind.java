package io.hindsight.core.model;

import java.util.Locale;
import java.util.Optional;

/** Marks the timeline entries that the incident's durations are measured from. */
public enum TimelineKind {
    START, DETECTION, ESCALATION, MITIGATION, RESOLUTION, NOTE;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<TimelineKind> parse(String text) {
        if (text == null) return Optional.empty();
        String norm = text.trim().toLowerCase(Locale.ROOT);
        return Optional.ofNullable(switch (norm) {
            case "start", "started", "begin", "outage begins", "impact start" -> START;
            case "detection", "detected", "detect", "alert" -> DETECTION;
            case "escalation", "escalated", "page", "paged", "incident begins", "incident declared" -> ESCALATION;
            case "mitigation", "mitigated", "mitigate", "outage mitigated", "impact mitigated" -> MITIGATION;
            case "resolution", "resolved", "resolve", "outage ends", "impact ends" -> RESOLUTION;
            case "note" -> NOTE;
            default -> null;
        });
    }
}
