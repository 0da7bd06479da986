package io.hindsight.atlassian.confluence;

import io.hindsight.atlassian.http.AtlassianHttp;
import io.hindsight.atlassian.jira.JiraModel;

/** Chooses the Confluence client for a site: Confluence runs where its Jira runs (both Cloud, or both Data Center). */
public final class ConfluenceClients {
    private ConfluenceClients() {
    }

    public static ConfluenceClient forDeployment(AtlassianHttp http, JiraModel.Deployment deployment) {
        return deployment == JiraModel.Deployment.CLOUD ? new CloudConfluenceClient(http) : new DataCenterConfluenceClient(http);
    }
}
