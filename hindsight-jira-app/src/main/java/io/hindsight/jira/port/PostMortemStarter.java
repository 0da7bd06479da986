package io.hindsight.jira.port;

import io.hindsight.core.model.IssueKey;
import io.hindsight.core.model.PostMortem;

/** Creates the Post-mortem issue drafted for an incident, linked to it. */
public interface PostMortemStarter {
    /** Where an incident's post-mortem goes (the admin's project, else the incident's own). */
    record Target(String project, ProjectReadiness readiness) {
    }

    /** The project the post-mortem would be created in, and whether it can take one now. */
    Target target(String incidentProject);

    IssueKey start(String incidentKey, String incidentProject, PostMortem draft);
}
