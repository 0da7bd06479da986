package io.hindsight.jira.port;

import io.hindsight.core.model.IssueKey;
import io.hindsight.core.model.PostMortem;

/** Creates the Post-mortem issue drafted for an incident, linked to it. */
public interface PostMortemStarter {
    IssueKey start(String incidentKey, String incidentProject, PostMortem draft);
}
