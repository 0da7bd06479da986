package io.hindsight.jira.jira;

/**
 * Names of the things Hindsight provisions in Jira, as the provisioning spec creates them by default.
 * (The core's provisioning schema is to name these once for both hosts; until then they live here.)
 */
public final class JiraNames {
    public static final String POST_MORTEM_TYPE = "Post-mortem";
    public static final String REMEDIATION_LINK = "Remediation";
    public static final String SEVERITY_FIELD = "Incident severity";

    private JiraNames() {
    }
}
