package io.hindsight.jira.port;

import io.hindsight.jira.incident.Incident;

import java.util.Optional;

/** Reads an incident issue: what a post-mortem started from it is pre-filled with. */
public interface IncidentSource {
    Optional<Incident> incident(String issueKey);
}
