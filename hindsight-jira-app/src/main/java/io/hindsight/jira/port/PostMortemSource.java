package io.hindsight.jira.port;

import io.hindsight.core.markdown.ParsedPostMortem;

import java.util.Optional;

/**
 * Reads a post-mortem issue as the engine's model, with the source lines the checker points at.
 * The app's own port for now; it is to be reconciled with the core's post-mortem store when that lands.
 */
public interface PostMortemSource {
    /** Empty when there is no such issue. */
    Optional<ParsedPostMortem> read(String issueKey);
}
