package io.hindsight.jira.config;

/** The settings the admin page edits. Their keys are stored: never rename one. */
public enum Setting {
    CONFLUENCE_URL("confluence.url"),
    CONFLUENCE_SPACE("confluence.space"),
    CONFLUENCE_PARENT_PAGE("confluence.parent"),
    /** A Confluence personal access token: written, never shown or logged. */
    CONFLUENCE_TOKEN("confluence.token"),
    SLO_POLICY_YAML("slo.policy"),
    TEMPLATES_YAML("templates"),
    POST_MORTEM_PROJECT("postmortem.project"),
    /** The Jira user name Hindsight acts as in the background (a dedicated account: its own changes trigger no sync). */
    JIRA_USER("jira.user"),
    /** What the last provisioning found and did, one step a line (written by the app, shown on the admin page). */
    PROVISIONING_REPORT("provisioning.report");

    private final String key;

    Setting(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
