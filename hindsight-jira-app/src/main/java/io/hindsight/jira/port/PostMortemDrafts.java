package io.hindsight.jira.port;

import io.hindsight.core.model.PostMortem;

/** Creates a Post-mortem issue from a draft, linked to the incident it is about; returns its key. */
public interface PostMortemDrafts {
    String create(String incidentKey, PostMortem draft) throws Exception;
}
