package io.hindsight.atlassian.jira;

import io.hindsight.atlassian.http.AtlassianHttp;

/** Chooses the client for a site from what {@code /serverInfo} says it is. */
public final class JiraClients {
    private JiraClients() {
    }

    public static JiraClient connect(AtlassianHttp http) {
        JiraModel.ServerInfo info = JiraParsers.serverInfo(http.send(JiraRequests.serverInfo()).body());
        return forDeployment(http, info.deployment());
    }

    public static JiraClient forDeployment(AtlassianHttp http, JiraModel.Deployment deployment) {
        return deployment == JiraModel.Deployment.CLOUD ? new CloudJiraClient(http) : new DataCenterJiraClient(http);
    }
}
