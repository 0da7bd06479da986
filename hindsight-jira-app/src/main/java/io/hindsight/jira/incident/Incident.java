package io.hindsight.jira.incident;

import io.hindsight.core.model.Severity;

import java.time.ZonedDateTime;
import java.util.Optional;

/** An incident issue, as far as a post-mortem started from it needs to know. */
public record Incident(String key, String summary, Optional<Severity> severity, Optional<ZonedDateTime> started) {
}
