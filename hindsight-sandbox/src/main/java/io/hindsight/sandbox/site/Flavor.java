package io.hindsight.sandbox.site;

/** Which Atlassian products the sandbox pretends to be. */
public enum Flavor {
    /** Jira Data Center ({@code /rest/api/2}) with Confluence Data Center ({@code /rest/api/content}). */
    DATA_CENTER,
    /** Jira Cloud ({@code /rest/api/3}, ADF, {@code /search/jql}) with Confluence Cloud ({@code /wiki/api/v2}). */
    CLOUD
}
