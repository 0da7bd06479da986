package io.hindsight.core.plan;

import io.hindsight.core.model.PostMortem;
import io.hindsight.core.model.TimelineEntry;
import io.hindsight.core.model.TimelineKind;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * Time to detect, mitigate and resolve, each measured from the incident's start. Front-matter times
 * win; where one is missing, the first timeline entry marked with that moment stands in.
 */
public record IncidentDurations(Duration toDetect, Duration toMitigate, Duration toResolve) {

    public static IncidentDurations of(PostMortem pm) {
        Optional<ZonedDateTime> start = pm.times().startedAt().or(() -> marked(pm, TimelineKind.START));
        Optional<ZonedDateTime> detected = pm.times().detectedAt().or(() -> marked(pm, TimelineKind.DETECTION));
        Optional<ZonedDateTime> mitigated = pm.times().mitigatedAt().or(() -> marked(pm, TimelineKind.MITIGATION));
        Optional<ZonedDateTime> resolved = pm.times().resolvedAt().or(() -> marked(pm, TimelineKind.RESOLUTION));
        return new IncidentDurations(between(start, detected), between(start, mitigated), between(start, resolved));
    }

    public Optional<Duration> timeToDetect() { return Optional.ofNullable(toDetect); }
    public Optional<Duration> timeToMitigate() { return Optional.ofNullable(toMitigate); }
    public Optional<Duration> timeToResolve() { return Optional.ofNullable(toResolve); }

    private static Optional<ZonedDateTime> marked(PostMortem pm, TimelineKind kind) {
        return pm.timeline().stream().filter(e -> e.kind() == kind).map(TimelineEntry::at)
                .filter(java.util.Objects::nonNull).findFirst();
    }

    private static Duration between(Optional<ZonedDateTime> from, Optional<ZonedDateTime> to) {
        if (from.isEmpty() || to.isEmpty()) return null;
        return Duration.between(from.get(), to.get());
    }

    /** "1h 05m", "9m", "2d 3h": how people read incident durations. */
    public static String format(Duration d) {
        if (d == null) return "unknown";
        long minutes = d.toMinutes();
        String sign = minutes < 0 ? "-" : "";
        minutes = Math.abs(minutes);
        long days = minutes / 1440;
        long hours = (minutes % 1440) / 60;
        long mins = minutes % 60;
        if (days > 0) return sign + days + "d " + hours + "h";
        if (hours > 0) return sign + hours + "h " + String.format("%02dm", mins);
        return sign + mins + "m";
    }
}
