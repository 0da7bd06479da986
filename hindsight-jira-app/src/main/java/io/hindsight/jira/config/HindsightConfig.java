package io.hindsight.jira.config;

/**
 * The admin's settings as the app uses them. The Confluence token itself is not here: only whether one is
 * set, so that no view or log can show it.
 */
public record HindsightConfig(String confluenceUrl, String confluenceSpace, String confluenceParentPage,
                              boolean confluenceTokenSet, String sloPolicyYaml, String templatesYaml,
                              String postMortemProject, String jiraUser) {
}
