package io.hindsight.core.model;

import java.time.ZonedDateTime;
import java.util.Optional;

/** The four moments every post-mortem measures from. Any may be unknown (null). */
public record IncidentTimes(ZonedDateTime started, ZonedDateTime detected, ZonedDateTime mitigated,
                            ZonedDateTime resolved) {
    public static final IncidentTimes UNKNOWN = new IncidentTimes(null, null, null, null);

    public Optional<ZonedDateTime> startedAt() { return Optional.ofNullable(started); }
    public Optional<ZonedDateTime> detectedAt() { return Optional.ofNullable(detected); }
    public Optional<ZonedDateTime> mitigatedAt() { return Optional.ofNullable(mitigated); }
    public Optional<ZonedDateTime> resolvedAt() { return Optional.ofNullable(resolved); }
}
